import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_CODE } from "@/lib/openapi/examples";
import { RecoveryCodesSchema } from "@/lib/validation/mfa-responses";
import { TotpCodeSchema } from "@/lib/validation/mfa";

const RECOVERY = ["7hq2k-m4xzp", "c9d3f-a1b2e"];

export const contract = defineContract({
  path: "/api/auth/mfa/totp/confirm",
  tag: "Accounts and sessions",
  POST: {
    summary: "Turn the authenticator app on",
    description: "The first code from the app confirms the set-up. Answers ten one-time recovery codes, shown this once. Wrong codes are throttled like sign-in.",
    auth: "session",
    body: TotpCodeSchema,
    responses: { 200: RecoveryCodesSchema },
    errors: ["INVALID_MFA_CODE", "MFA_ALREADY_ENABLED", "MFA_SETUP_NOT_STARTED", "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED"],
    example: { body: { code: EXAMPLE_CODE }, response: { recoveryCodes: RECOVERY } },
  },
});
