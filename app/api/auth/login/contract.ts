import { z } from "zod";
import { EXAMPLE_EMAIL, EXAMPLE_PASSWORD, EXAMPLE_TOKEN, EXAMPLE_USER, SESSION_COOKIE_HEADER } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { LoginSchema } from "@/lib/validation/auth";
import { MfaRequiredSchema } from "@/lib/validation/mfa-responses";
import { SignedInSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/login",
  tag: "Accounts and sessions",
  POST: {
    summary: "Sign in",
    description:
      "Sets the session cookie and returns the same session as `token` for `Authorization: Bearer`. " +
      "An unknown email and a wrong password answer alike. EMAIL_NOT_VERIFIED and ACCOUNT_SUSPENDED are told " +
      "only to someone who gave the right password. After 5 failures the account backs off exponentially (429); " +
      "at 100 it is locked until a password reset (429 ACCOUNT_LOCKED).",
    auth: "none",
    // Counted in the flow's first statement (docs/PERFORMANCE.md "Sign-in").
    ipLimit: "with-first-statement",
    body: LoginSchema,
    // With a second factor set there is no session yet: { mfaRequired, mfaToken } for /api/auth/mfa/verify (docs/MFA.md).
    responses: { 200: { schema: z.union([SignedInSchema, MfaRequiredSchema]), headers: { "Set-Cookie": SESSION_COOKIE_HEADER } } },
    errors: ["INVALID_CREDENTIALS", "EMAIL_NOT_VERIFIED", "ACCOUNT_SUSPENDED", "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED"],
    example: {
      body: { email: EXAMPLE_EMAIL, password: EXAMPLE_PASSWORD },
      response: { user: EXAMPLE_USER, token: EXAMPLE_TOKEN },
    },
  },
});
