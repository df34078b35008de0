import { completeMfaSignIn } from "@/lib/auth/flows/mfa-verify";
import { jsonWithSession } from "@/lib/auth/session/response";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/auth/mfa/verify { mfaToken, code | recoveryCode | passkey } → { user, token } + cookie. */
export const POST = route(contract.POST, async ({ actor, body: { mfaToken, code, recoveryCode, passkey } }) => {
  const { user, ...session } = await completeMfaSignIn(actor, mfaToken, { code, recoveryCode, passkey });
  return jsonWithSession({ user }, session);
});
