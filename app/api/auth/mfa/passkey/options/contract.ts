import { defineContract } from "@/lib/openapi/contract";
import { WebauthnOptionsSchema } from "@/lib/validation/mfa-responses";
import { MfaTokenOnlySchema } from "@/lib/validation/mfa";

const MFA_TOKEN = "q3Vx0b9yQ2n8m1lKJ4hG7fD6sA5pO0iU9yT8rE7wQ2z";
const OPTIONS = { challenge: "c2VydmVyLWNoYWxsZW5nZQ", rpId: "localhost", userVerification: "preferred" };

export const contract = defineContract({
  path: "/api/auth/mfa/passkey/options",
  tag: "Accounts and sessions",
  POST: {
    summary: "Passkey options for the second factor",
    description: "Options for `navigator.credentials.get`, limited to the passkeys of the account signing in.",
    auth: "none",
    ipLimit: true,
    body: MfaTokenOnlySchema,
    responses: { 200: WebauthnOptionsSchema },
    errors: ["MFA_TOKEN_INVALID", "PASSKEY_FAILED"],
    example: { body: { mfaToken: MFA_TOKEN }, response: { options: OPTIONS } },
  },
});
