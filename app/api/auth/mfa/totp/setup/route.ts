import { startTotpSetup } from "@/lib/auth/flows/mfa-totp";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/auth/mfa/totp/setup → { secret, otpauthUri, qrCode } (docs/MFA.md "TOTP"). */
export const POST = route(contract.POST, async ({ session }) => json(await startTotpSetup(session)));
