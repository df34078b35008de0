import { renewRecoveryCodes } from "@/lib/auth/flows/mfa-recovery-codes";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json, readJson } from "@/lib/http/handler";
import { RecoveryCodesRenewSchema } from "@/lib/validation/mfa";

/** POST /api/auth/mfa/recovery-codes { password, code? | recoveryCode? } → { recoveryCodes } (shown once). */
export const POST = handler(async (request) => {
  const session = await requireSession(request);
  const { password, code, recoveryCode } = await readJson(request, RecoveryCodesRenewSchema);
  return json(await renewRecoveryCodes(request, session, password, { code, recoveryCode }));
});
