import { EXAMPLE_EMAIL } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { EmailOnlySchema } from "@/lib/validation/auth";
import { SuccessSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/forgot-password/request",
  tag: "Passwords and email",
  POST: {
    summary: "Ask for a password reset",
    description:
      "Always 200 (known and unknown addresses alike). If the account exists, one email carries a 6-digit code and a " +
      "link; either completes the reset, which also confirms the email.",
    auth: "none",
    ipLimit: true,
    body: EmailOnlySchema,
    responses: { 200: SuccessSchema },
    errors: ["RESEND_TOO_SOON"],
    example: { body: { email: EXAMPLE_EMAIL }, response: { success: true } },
  },
});
