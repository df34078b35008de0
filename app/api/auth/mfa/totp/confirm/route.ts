import { confirmTotpSetup } from "@/lib/auth/flows/mfa-totp";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/auth/mfa/totp/confirm { code } → { recoveryCodes? } shown once (docs/MFA.md "TOTP"). */
export const POST = route(contract.POST, async ({ actor, session, body }) => json(await confirmTotpSetup(actor, session, body.code)));
