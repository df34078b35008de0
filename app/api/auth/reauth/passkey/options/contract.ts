import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_ID } from "@/lib/openapi/examples";
import { WebauthnChallengeSchema } from "@/lib/validation/mfa-responses";

const OPTIONS = { challenge: "c2VydmVyLWNoYWxsZW5nZQ", rpId: "localhost", userVerification: "preferred", allowCredentials: [] };

export const contract = defineContract({
  path: "/api/auth/reauth/passkey/options",
  tag: "Accounts and sessions",
  POST: {
    summary: "Start confirming it is me with a passkey",
    description: "Options for `navigator.credentials.get`, limited to this account's passkeys; send the answer as `passkey` to /api/auth/reauth.",
    auth: "session",
    duringMfaSetup: true,
    responses: { 200: WebauthnChallengeSchema },
    errors: ["PASSKEY_FAILED"],
    example: { response: { challengeId: EXAMPLE_ID, options: OPTIONS } },
  },
});
