import { reauthPasskeyOptions } from "@/lib/auth/flows/reauth";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";

/** POST /api/auth/reauth/passkey/options → { challengeId, options } for navigator.credentials.get. */
export const POST = handler(async (request) => {
  return json(await reauthPasskeyOptions(await requireSession(request, { duringMfaSetup: true })));
});
