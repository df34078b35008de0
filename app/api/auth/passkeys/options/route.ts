import { startPasskeyRegistration } from "@/lib/auth/flows/passkeys";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";

/** POST /api/auth/passkeys/options → { challengeId, options } for registering a passkey. */
export const POST = handler(async (request) => {
  return json(await startPasskeyRegistration(await requireSession(request, { duringMfaSetup: true })));
});
