import { EXAMPLE_CODE, EXAMPLE_EMAIL, EXAMPLE_SIGNUP_ID, EXAMPLE_TOKEN, EXAMPLE_USER, SESSION_COOKIE_HEADER } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { VerifyOtpSchema } from "@/lib/validation/auth";
import { VerifiedSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/verify-otp",
  tag: "Accounts and sessions",
  POST: {
    summary: "Confirm the sign-up code and sign in",
    description:
      "Send the `signupId` from sign-up (browsers send the sign-up cookie instead): that sign-up's details are the " +
      "ones applied, whichever current code of the account is entered. Without a binding the sign-up is applied only when the " +
      "account has one live sign-up; with several the answer is 409 SIGNUP_AMBIGUOUS and nothing changes (finish in the " +
      "browser you signed up in, send the `signupId`, or reset the password). " +
      "A wrong, expired or used code and an unknown address all answer the same 400 INVALID_CODE. " +
      "A code dies after 5 wrong tries; 10 wrong tries per hour per account answer 429.",
    auth: "none",
    ipLimit: true,
    body: VerifyOtpSchema,
    responses: {
      200: { schema: VerifiedSchema, headers: { "Set-Cookie": `${SESSION_COOKIE_HEADER}, and the sign-up cookie cleared` } },
    },
    errors: ["INVALID_CODE", "SIGNUP_AMBIGUOUS", "LICENSE_TAKEN", "TOO_MANY_ATTEMPTS"],
    example: {
      body: { email: EXAMPLE_EMAIL, code: EXAMPLE_CODE, signupId: EXAMPLE_SIGNUP_ID },
      response: { success: true, user: EXAMPLE_USER, token: EXAMPLE_TOKEN },
    },
  },
});
