import { confirmTotpSetup } from "@/lib/auth/flows/mfa-totp";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json, readJson } from "@/lib/http/handler";
import { TotpCodeSchema } from "@/lib/validation/mfa";

/** POST /api/auth/mfa/totp/confirm { code } → { recoveryCodes? } shown once (docs/MFA.md "TOTP"). */
export const POST = handler(async (request) => {
  const session = await requireSession(request, { duringMfaSetup: true });
  const { code } = await readJson(request, TotpCodeSchema);
  return json(await confirmTotpSetup(request, session, code));
});
