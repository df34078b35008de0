import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_CODE, EXAMPLE_PASSWORD } from "@/lib/openapi/examples";
import { RecoveryCodesSchema } from "@/lib/validation/mfa-responses";
import { RecoveryCodesRenewSchema } from "@/lib/validation/mfa";

export const contract = defineContract({
  path: "/api/auth/mfa/recovery-codes",
  tag: "Accounts and sessions",
  POST: {
    summary: "Make new recovery codes",
    description:
      "Needs the password and a current code (or an unused recovery code). Ten new one-time recovery codes replace the old ones, which stop working; they are shown this once, and the owner is emailed.",
    auth: "session",
    body: RecoveryCodesRenewSchema,
    responses: { 200: RecoveryCodesSchema },
    errors: ["WRONG_PASSWORD", "INVALID_MFA_CODE", "MFA_NOT_ENABLED", "REAUTH_REQUIRED", "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED"],
    example: { body: { password: EXAMPLE_PASSWORD, code: EXAMPLE_CODE }, response: { recoveryCodes: ["7hq2k-m4xzp", "c9d3f-a1b2e"] } },
  },
});
