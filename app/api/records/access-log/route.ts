import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { accessLog } from "@/lib/records/access";
import { contract } from "./contract";

/** Doctors' reads and downloads of the caller's records, newest first. */
export const GET = route(contract.GET, async ({ session }) => json({ events: await accessLog(session.user.id) }));
