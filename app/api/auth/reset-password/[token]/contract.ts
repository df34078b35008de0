import { z } from "zod";
import { defineContract } from "@/lib/openapi/contract";
import { ResetPasswordSchema } from "@/lib/validation/auth";
import { MessageSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/reset-password/{token}",
  tag: "Passwords and email",
  POST: {
    summary: "Reset the password with the emailed link",
    description:
      "`token` is the `token` query parameter of the link in the reset email (10 minutes, single use, voided by a " +
      "newer request or any password change). Sets the password, ends every session and emails a notice.",
    auth: "none",
    ipLimit: true,
    // Any string: a malformed token is the same 400 INVALID_TOKEN as an unknown one, not a 404.
    params: z.object({ token: z.string() }),
    body: ResetPasswordSchema,
    responses: { 200: MessageSchema },
    errors: ["INVALID_TOKEN", "PASSWORD_MISMATCH", "WEAK_PASSWORD"],
    example: {
      params: { token: "q3Zt9mV1kP0xR7cW2sY5nB8dF4hJ6lA0eG3iK9uO1wE" },
      body: { password: "a new long passphrase", confirmPassword: "a new long passphrase" },
      response: { message: "Your password has been reset. Sign in with your new password." },
    },
  },
});
