import { disableTotp } from "@/lib/auth/flows/mfa-totp";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, readJson } from "@/lib/http/handler";
import { jsonWithSession } from "@/lib/auth/session/response";
import { TotpDisableSchema } from "@/lib/validation/mfa";

/** POST /api/auth/mfa/totp/disable { password, code? | recoveryCode? } → { user, token }; other sessions end. */
export const POST = handler(async (request) => {
  const session = await requireSession(request);
  const { password, code, recoveryCode } = await readJson(request, TotpDisableSchema);
  const { user: updated, ...fresh } = await disableTotp(request, session, password, { code, recoveryCode });
  return jsonWithSession({ user: updated }, fresh);
});
