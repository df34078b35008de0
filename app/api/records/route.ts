import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { listRecords } from "@/lib/records/list";
import { uploadRecord } from "@/lib/records/records";
import { contract } from "./contract";

/** A patient's own records (docs/RULES.md "API: records and sharing"); doctors read shared ones elsewhere. */
export const GET = route(contract.GET, async ({ session, query }) => json({ records: await listRecords(session.user.id, query) }));

/** multipart/form-data: `file` (PDF, JPEG or PNG), optional `title`, `category`, `documentDate`. Streamed; see docs/RULES.md "Uploads". */
export const POST = route(contract.POST, async ({ request, actor, session }) =>
  json({ record: await uploadRecord(actor, session.user, { contentType: request.headers.get("content-type"), stream: request.body }) }, 201),
);
