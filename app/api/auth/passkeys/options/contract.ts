import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_ID } from "@/lib/openapi/examples";
import { WebauthnChallengeSchema } from "@/lib/validation/mfa-responses";

const OPTIONS = { challenge: "c2VydmVyLWNoYWxsZW5nZQ", rpId: "localhost", userVerification: "preferred" };

export const contract = defineContract({
  path: "/api/auth/passkeys/options",
  tag: "Accounts and sessions",
  POST: {
    summary: "Start adding a passkey",
    description: "Options for `navigator.credentials.create`. Needs a recent proof (POST /api/auth/reauth): the password, and a second factor as well when the account has one.",
    auth: "session",
    duringMfaSetup: true,
    responses: { 200: WebauthnChallengeSchema },
    errors: ["REAUTH_REQUIRED"],
    example: { response: { challengeId: EXAMPLE_ID, options: OPTIONS } },
  },
});
