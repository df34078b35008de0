import { auditPageJson } from "@/lib/audit/query";
import { jsonText } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** GET /api/audit?userId=&actorId=&event=&from=&to=&cursor=&limit= (admins): `{ events, nextCursor }`, newest first. */
export const GET = route(contract.GET, async ({ query }) => jsonText(await auditPageJson(query)));
