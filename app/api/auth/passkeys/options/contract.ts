import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_ID } from "@/lib/openapi/examples";
import { WebauthnChallengeSchema } from "@/lib/validation/mfa-responses";

const OPTIONS = { challenge: "c2VydmVyLWNoYWxsZW5nZQ", rpId: "localhost", userVerification: "preferred" };

export const contract = defineContract({
  path: "/api/auth/passkeys/options",
  tag: "Accounts and sessions",
  POST: {
    summary: "Start adding a passkey",
    auth: "session",
    responses: { 200: WebauthnChallengeSchema },
    example: { response: { challengeId: EXAMPLE_ID, options: OPTIONS } },
  },
});
