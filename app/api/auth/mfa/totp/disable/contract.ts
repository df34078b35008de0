import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_CODE, EXAMPLE_PASSWORD, EXAMPLE_TOKEN, EXAMPLE_USER, SESSION_COOKIE_HEADER } from "@/lib/openapi/examples";
import { TotpDisableSchema } from "@/lib/validation/mfa";
import { SignedInSchema } from "@/lib/validation/responses";

const SIGNED_IN = { 200: { schema: SignedInSchema, headers: { "Set-Cookie": SESSION_COOKIE_HEADER } } };

export const contract = defineContract({
  path: "/api/auth/mfa/totp/disable",
  tag: "Accounts and sessions",
  POST: {
    summary: "Turn the authenticator app off",
    description: "Needs the password and a current code (or a recovery code). Every other session ends; this one is replaced.",
    auth: "session",
    body: TotpDisableSchema,
    responses: SIGNED_IN,
    errors: ["WRONG_PASSWORD", "INVALID_MFA_CODE", "MFA_NOT_ENABLED", "REAUTH_REQUIRED", "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED"],
    example: { body: { password: EXAMPLE_PASSWORD, code: EXAMPLE_CODE }, response: { user: EXAMPLE_USER, token: EXAMPLE_TOKEN } },
  },
});
