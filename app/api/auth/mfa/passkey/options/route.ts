import { mfaPasskeyOptions } from "@/lib/auth/flows/passkey-signin";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/auth/mfa/passkey/options { mfaToken } → { options }: a passkey as the second factor. */
export const POST = route(contract.POST, async ({ body }) => json(await mfaPasskeyOptions(body.mfaToken)));
