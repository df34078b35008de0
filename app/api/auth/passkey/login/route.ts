import { passwordlessSignIn } from "@/lib/auth/flows/passkey-signin";
import { jsonWithSession } from "@/lib/auth/session/response";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/auth/passkey/login { challengeId, response } → { user, token } + cookie. */
export const POST = route(contract.POST, async ({ actor, body }) => {
  const { user, ...session } = await passwordlessSignIn(actor, body.challengeId, body.response);
  return jsonWithSession({ user }, session);
});
