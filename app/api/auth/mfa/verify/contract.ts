import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_CODE, EXAMPLE_TOKEN, EXAMPLE_USER, SESSION_COOKIE_HEADER } from "@/lib/openapi/examples";
import { MfaVerifySchema } from "@/lib/validation/mfa";
import { SignedInSchema } from "@/lib/validation/responses";

const MFA_TOKEN = "q3Vx0b9yQ2n8m1lKJ4hG7fD6sA5pO0iU9yT8rE7wQ2z";
const SIGNED_IN = { 200: { schema: SignedInSchema, headers: { "Set-Cookie": SESSION_COOKIE_HEADER } } };

export const contract = defineContract({
  path: "/api/auth/mfa/verify",
  tag: "Accounts and sessions",
  POST: {
    summary: "Complete a sign-in with the second factor",
    description: "The `mfaToken` from sign-in (5 minutes, single use) and exactly one of `code`, `recoveryCode` or `passkey` (an assertion made with the options of /api/auth/mfa/passkey/options).",
    auth: "none",
    ipLimit: true,
    body: MfaVerifySchema,
    responses: SIGNED_IN,
    errors: ["INVALID_MFA_CODE", "PASSKEY_FAILED", "MFA_TOKEN_INVALID", "ACCOUNT_SUSPENDED", "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED"],
    example: { body: { mfaToken: MFA_TOKEN, code: EXAMPLE_CODE }, response: { user: EXAMPLE_USER, token: EXAMPLE_TOKEN } },
  },
});
