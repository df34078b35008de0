import { getMfaStatus } from "@/lib/auth/flows/mfa-status";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";

/** GET /api/auth/mfa: the caller's factors and policy state (open while set-up is overdue). */
export const GET = handler(async (request) => {
  const { user } = await requireSession(request, { duringMfaSetup: true });
  return json(await getMfaStatus(user));
});
