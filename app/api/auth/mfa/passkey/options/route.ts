import { mfaPasskeyOptions } from "@/lib/auth/flows/passkey-signin";
import { handler, json, readJson } from "@/lib/http/handler";
import { MfaTokenOnlySchema } from "@/lib/validation/mfa";

/** POST /api/auth/mfa/passkey/options { mfaToken } → { options }: a passkey as the second factor. */
export const POST = handler(async (request) => {
  const { mfaToken } = await readJson(request, MfaTokenOnlySchema);
  return json(await mfaPasskeyOptions(mfaToken));
}, { ipLimit: true });
