import { requireApprovedDoctor } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";
import { recordsSharedWith } from "@/lib/records/sharing";

/** A sharing patient's records (read-only); 404 without an active grant. The listing is audited. */
export const GET = handler<{ id: string }>(async (request, { params }) => {
  const { user } = await requireApprovedDoctor(request);
  return json({ records: await recordsSharedWith(request, user, (await params).id) });
});
