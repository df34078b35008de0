import { getMfaStatus } from "@/lib/auth/flows/mfa-status";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** GET /api/auth/mfa: the caller's factors and policy state (open while set-up is overdue). */
export const GET = route(contract.GET, async ({ session }) => json(await getMfaStatus(session.user)));
