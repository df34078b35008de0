import { EXAMPLE_EMAIL, EXAMPLE_PASSWORD, EXAMPLE_SIGNUP_ID, SIGNUP_COOKIE_HEADER } from "@/lib/openapi/examples";
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
      "The details (name, phone, password) stay with this sign-up, named by `signupId` (also set as an HttpOnly " +
      "cookie for browsers), and apply only when the code is confirmed with that binding. Signing up again with " +
      "the address of an unverified account sends a fresh code; inside the resend cooldown it answers 201 and sends nothing.",
    auth: "none",
    ipLimit: true,
    body: SignupSchema,
    responses: { 201: { schema: SignupResponseSchema, headers: { "Set-Cookie": SIGNUP_COOKIE_HEADER } } },
    errors: ["WEAK_PASSWORD", "EMAIL_TAKEN"],
    example: {
      body: { name: "Amira Haddad", email: EXAMPLE_EMAIL, password: EXAMPLE_PASSWORD, phone: "+44 20 7946 0958" },
      response: { success: true, email: EXAMPLE_EMAIL, signupId: EXAMPLE_SIGNUP_ID },
    },
  },
});
