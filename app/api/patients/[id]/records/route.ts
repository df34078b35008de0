import { requireApprovedDoctor } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";
import { recordsSharedWith } from "@/lib/records/sharing";
import { recordQueryFrom } from "@/lib/validation/record-metadata";

/** A sharing patient's records (read-only), filtered like GET /api/records; 404 without an active grant. The listing is audited. */
export const GET = handler<{ id: string }>(async (request, { params }) => {
  const { user } = await requireApprovedDoctor(request);
  const query = recordQueryFrom(new URL(request.url).searchParams);
  return json({ records: await recordsSharedWith(request, user, (await params).id, query) });
});
