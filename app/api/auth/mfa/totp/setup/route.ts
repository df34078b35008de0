import { startTotpSetup } from "@/lib/auth/flows/mfa-totp";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";

/** POST /api/auth/mfa/totp/setup → { secret, otpauthUri, qrCode } (docs/MFA.md "TOTP"). */
export const POST = handler(async (request) => {
  return json(await startTotpSetup(await requireSession(request, { duringMfaSetup: true })));
});
