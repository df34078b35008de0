import { EXAMPLE_CODE, EXAMPLE_USER } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { ChangeEmailVerifySchema } from "@/lib/validation/auth";
import { UserResponseSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/change-email/verify",
  tag: "Passwords and email",
  POST: {
    summary: "Confirm my new email",
    description: "Changes the email and sends a notice to the old address.",
    auth: "session",
    ipLimit: true,
    body: ChangeEmailVerifySchema,
    responses: { 200: UserResponseSchema },
    errors: ["INVALID_CODE", "EMAIL_TAKEN", "TOO_MANY_ATTEMPTS"],
    example: { body: { code: EXAMPLE_CODE }, response: { user: { ...EXAMPLE_USER, email: "amira@example.org" } } },
  },
});
