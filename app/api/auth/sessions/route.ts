import { listSessions } from "@/lib/auth/flows/sessions";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const GET = route(contract.GET, async ({ session }) => json({ sessions: await listSessions(session.user.id, session.sessionId) }));
