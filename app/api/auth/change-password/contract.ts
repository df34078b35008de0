import { EXAMPLE_PASSWORD, EXAMPLE_TOKEN, EXAMPLE_USER, SESSION_COOKIE_HEADER } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { ChangePasswordSchema } from "@/lib/validation/auth";
import { PasswordChangedSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/change-password",
  tag: "Passwords and email",
  POST: {
    summary: "Change my password",
    description:
      "Every other session ends; this one is replaced by a new session (new cookie and `token`). Wrong current " +
      "passwords are throttled like sign-in.",
    auth: "session",
    ipLimit: true,
    body: ChangePasswordSchema,
    responses: { 200: { schema: PasswordChangedSchema, headers: { "Set-Cookie": SESSION_COOKIE_HEADER } } },
    errors: ["PASSWORD_MISMATCH", "WEAK_PASSWORD", "WRONG_PASSWORD", "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED"],
    example: {
      body: { currentPassword: EXAMPLE_PASSWORD, newPassword: "a new long passphrase", confirmPassword: "a new long passphrase" },
      response: { message: "Your password has been changed. Other devices were signed out.", user: EXAMPLE_USER, token: EXAMPLE_TOKEN },
    },
  },
});
