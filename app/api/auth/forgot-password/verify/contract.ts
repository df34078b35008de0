import { EXAMPLE_CODE, EXAMPLE_EMAIL } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { ForgotVerifySchema } from "@/lib/validation/auth";
import { SuccessSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/forgot-password/verify",
  tag: "Passwords and email",
  POST: {
    summary: "Reset the password with the emailed code",
    description: "Sets the new password, ends every session of the account and emails a notice.",
    auth: "none",
    ipLimit: true,
    body: ForgotVerifySchema,
    responses: { 200: SuccessSchema },
    errors: ["INVALID_CODE", "PASSWORD_MISMATCH", "WEAK_PASSWORD", "TOO_MANY_ATTEMPTS"],
    example: {
      body: { email: EXAMPLE_EMAIL, code: EXAMPLE_CODE, password: "a new long passphrase", confirmPassword: "a new long passphrase" },
      response: { success: true },
    },
  },
});
