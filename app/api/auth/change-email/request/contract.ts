import { EXAMPLE_PASSWORD } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { ChangeEmailRequestSchema } from "@/lib/validation/auth";
import { SuccessSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/change-email/request",
  tag: "Passwords and email",
  POST: {
    summary: "Ask to change my email",
    description: "Sends a 6-digit code to the new address; confirm it with POST /api/auth/change-email/verify. An account with a second " +
      "factor also gives a `code` or `recoveryCode`, or has a recent `password+factor` proof (POST /api/auth/reauth).",
    auth: "session",
    ipLimit: true,
    body: ChangeEmailRequestSchema,
    responses: { 200: SuccessSchema },
    errors: ["WRONG_PASSWORD", "INVALID_MFA_CODE", "REAUTH_REQUIRED", "EMAIL_TAKEN", "RESEND_TOO_SOON", "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED"],
    example: { body: { newEmail: "amira@example.org", currentPassword: EXAMPLE_PASSWORD }, response: { success: true } },
  },
});
