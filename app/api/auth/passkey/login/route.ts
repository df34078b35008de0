import { passwordlessSignIn } from "@/lib/auth/flows/passkey-signin";
import { handler, readJson } from "@/lib/http/handler";
import { jsonWithSession } from "@/lib/auth/session/response";
import { PasskeySignInSchema } from "@/lib/validation/mfa";

/** POST /api/auth/passkey/login { challengeId, response } → { user, token } + cookie. */
export const POST = handler(async (request) => {
  const { challengeId, response } = await readJson(request, PasskeySignInSchema);
  const { user, ...session } = await passwordlessSignIn(request, challengeId, response);
  return jsonWithSession({ user }, session);
}, { ipLimit: true });
