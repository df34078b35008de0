import { completeMfaSignIn } from "@/lib/auth/flows/mfa-verify";
import { handler, readJson } from "@/lib/http/handler";
import { jsonWithSession } from "@/lib/auth/session/response";
import { MfaVerifySchema } from "@/lib/validation/mfa";

/** POST /api/auth/mfa/verify { mfaToken, code | recoveryCode | passkey } → { user, token } + cookie. */
export const POST = handler(async (request) => {
  const { mfaToken, code, recoveryCode, passkey } = await readJson(request, MfaVerifySchema);
  const { user, ...session } = await completeMfaSignIn(request, mfaToken, { code, recoveryCode, passkey });
  return jsonWithSession({ user }, session);
}, { ipLimit: true });
