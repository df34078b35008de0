import { defineContract } from "@/lib/openapi/contract";
import { MfaStatusSchema } from "@/lib/validation/mfa-responses";


export const contract = defineContract({
  path: "/api/auth/mfa",
  tag: "Accounts and sessions",
  GET: {
    summary: "My two-step sign-in",
    description: "Which factors the account has, and where it stands with the MFA policy (`graceDaysLeft`, `setupRequired`). Open while set-up is overdue.",
    auth: "session",
    duringMfaSetup: true,
    responses: { 200: MfaStatusSchema },
    example: { response: { totp: true, totpSetupPending: false, recoveryCodesLeft: 10, passkeys: 0, enabled: true, required: true, graceDaysLeft: null, setupRequired: false } },
  },
});
