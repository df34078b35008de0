import { route } from "@/lib/openapi/route";
import { recordFileResponse } from "@/lib/records/download";
import { contract } from "./contract";

/** The file itself, streamed, always as an attachment (lib/records/download.ts says which headers and why). */
export const GET = route(contract.GET, async ({ request, actor, session, params }) =>
  recordFileResponse(actor, session.user, params.id, { range: request.headers.get("range"), ifRange: request.headers.get("if-range") }),
);
