import { EXAMPLE_CODE, EXAMPLE_EMAIL, EXAMPLE_TOKEN, EXAMPLE_USER, SESSION_COOKIE_HEADER } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { VerifyOtpSchema } from "@/lib/validation/auth";
import { VerifiedSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/verify-otp",
  tag: "Accounts and sessions",
  POST: {
    summary: "Confirm the sign-up code and sign in",
    description:
      "A wrong, expired or used code and an unknown address all answer the same 400 INVALID_CODE. " +
      "A code dies after 5 wrong tries; 10 wrong tries per hour per account answer 429.",
    auth: "none",
    ipLimit: true,
    body: VerifyOtpSchema,
    responses: { 200: { schema: VerifiedSchema, headers: { "Set-Cookie": SESSION_COOKIE_HEADER } } },
    errors: ["INVALID_CODE", "LICENSE_TAKEN", "TOO_MANY_ATTEMPTS"],
    example: {
      body: { email: EXAMPLE_EMAIL, code: EXAMPLE_CODE },
      response: { success: true, user: EXAMPLE_USER, token: EXAMPLE_TOKEN },
    },
  },
});
