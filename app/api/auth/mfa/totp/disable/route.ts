import { disableTotp } from "@/lib/auth/flows/mfa-totp";
import { jsonWithSession } from "@/lib/auth/session/response";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/auth/mfa/totp/disable { password, code? | recoveryCode? } → { user, token }; other sessions end. */
export const POST = route(contract.POST, async ({ actor, session, body: { password, code, recoveryCode } }) => {
  const { user: updated, ...fresh } = await disableTotp(actor, session, password, { code, recoveryCode });
  return jsonWithSession({ user: updated }, fresh);
});
