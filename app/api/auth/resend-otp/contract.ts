import { EXAMPLE_EMAIL } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { EmailOnlySchema } from "@/lib/validation/auth";
import { SuccessSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/resend-otp",
  tag: "Accounts and sessions",
  POST: {
    summary: "Send a new sign-up code",
    description:
      "Answers 200 whether or not an unverified account exists. One per minute and five per hour per address; " +
      "the new code voids the previous one.",
    auth: "none",
    ipLimit: true,
    body: EmailOnlySchema,
    responses: { 200: SuccessSchema },
    errors: ["RESEND_TOO_SOON"],
    example: { body: { email: EXAMPLE_EMAIL }, response: { success: true } },
  },
});
