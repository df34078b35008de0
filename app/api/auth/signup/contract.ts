import { EXAMPLE_EMAIL, EXAMPLE_PASSWORD } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { SignupSchema } from "@/lib/validation/auth";
import { SignupResponseSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/signup",
  tag: "Accounts and sessions",
  POST: {
    summary: "Create a patient account",
    description:
      "Emails a 6-digit code; the account is usable once the code is confirmed (POST /api/auth/verify-otp). " +
      "Signing up again with the address of an unverified account replaces its details and sends a fresh code; " +
      "inside the resend cooldown it answers 201 and sends nothing.",
    auth: "none",
    ipLimit: true,
    body: SignupSchema,
    responses: { 201: SignupResponseSchema },
    errors: ["WEAK_PASSWORD", "EMAIL_TAKEN", "EMAIL_FAILED"],
    example: {
      body: { name: "Amira Haddad", email: EXAMPLE_EMAIL, password: EXAMPLE_PASSWORD, phone: "+44 20 7946 0958" },
      response: { success: true, email: EXAMPLE_EMAIL },
    },
  },
});
