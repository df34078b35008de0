import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_ID } from "@/lib/openapi/examples";
import { WebauthnChallengeSchema } from "@/lib/validation/mfa-responses";

const OPTIONS = { challenge: "c2VydmVyLWNoYWxsZW5nZQ", rpId: "localhost", userVerification: "preferred" };

export const contract = defineContract({
  path: "/api/auth/passkey/options",
  tag: "Accounts and sessions",
  POST: {
    summary: "Start a passwordless sign-in",
    description: "Options for `navigator.credentials.get` with any passkey of this site (user verification required).",
    auth: "none",
    ipLimit: true,
    responses: { 200: WebauthnChallengeSchema },
    example: { response: { challengeId: EXAMPLE_ID, options: OPTIONS } },
  },
});
