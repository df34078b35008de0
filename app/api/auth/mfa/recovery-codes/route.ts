import { renewRecoveryCodes } from "@/lib/auth/flows/mfa-recovery-codes";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/auth/mfa/recovery-codes { password, code? | recoveryCode? } → { recoveryCodes } (shown once). */
export const POST = route(contract.POST, async ({ actor, session, body: { password, code, recoveryCode } }) =>
  json(await renewRecoveryCodes(actor, session, password, { code, recoveryCode })),
);
