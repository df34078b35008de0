import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_CODE } from "@/lib/openapi/examples";
import { RecoveryCodesIfNewSchema } from "@/lib/validation/mfa-responses";
import { TotpCodeSchema } from "@/lib/validation/mfa";

const RECOVERY = ["7hq2k-m4xzp", "c9d3f-a1b2e"];

export const contract = defineContract({
  path: "/api/auth/mfa/totp/confirm",
  tag: "Accounts and sessions",
  POST: {
    summary: "Turn the authenticator app on",
    description: "The first code from the app confirms the set-up. When the account has no recovery codes yet, answers ten, shown this once " +
      "(an account that has them keeps them: `recoveryCodes` is absent). Wrong codes are throttled like sign-in. Needs a recent proof (POST /api/auth/reauth): the password, and a second factor as well when the account has one.",
    auth: "session",
    duringMfaSetup: true,
    body: TotpCodeSchema,
    responses: { 200: RecoveryCodesIfNewSchema },
    errors: ["INVALID_MFA_CODE", "MFA_ALREADY_ENABLED", "MFA_SETUP_NOT_STARTED", "REAUTH_REQUIRED", "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED"],
    example: { body: { code: EXAMPLE_CODE }, response: { recoveryCodes: RECOVERY } },
  },
});
