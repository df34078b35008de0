import { requireRole } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";
import { listRecords } from "@/lib/records/list";
import { uploadRecord } from "@/lib/records/records";
import { recordQueryFrom } from "@/lib/validation/record-metadata";

/** A patient's own records (docs/RULES.md "API: records and sharing"); doctors read shared ones elsewhere. */
export const GET = handler(async (request) => {
  const { user } = await requireRole(request, ["patient"]);
  return json({ records: await listRecords(user.id, recordQueryFrom(new URL(request.url).searchParams)) });
});

/** multipart/form-data: `file` (PDF, JPEG or PNG), optional `title`, `category`, `documentDate`. Streamed; see docs/RULES.md "Uploads". */
export const POST = handler(async (request) => {
  const { user } = await requireRole(request, ["patient"]);
  return json({ record: await uploadRecord(request, user) }, 201);
});
