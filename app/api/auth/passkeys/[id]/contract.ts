import { defineContract, IdParams } from "@/lib/openapi/contract";
import { EXAMPLE_ID, EXAMPLE_PASSWORD, EXAMPLE_TOKEN, EXAMPLE_USER, SESSION_COOKIE_HEADER } from "@/lib/openapi/examples";
import { PasskeyResponseSchema } from "@/lib/validation/mfa-responses";
import { PasskeyRemoveSchema, PasskeyRenameSchema } from "@/lib/validation/mfa";
import { SignedInSchema } from "@/lib/validation/responses";

const PASSKEY = { id: EXAMPLE_ID, name: "Passkey 1", createdAt: "2026-05-01T09:30:00.000Z", lastUsedAt: null };
const SIGNED_IN = { 200: { schema: SignedInSchema, headers: { "Set-Cookie": SESSION_COOKIE_HEADER } } };

export const contract = defineContract({
  path: "/api/auth/passkeys/{id}",
  tag: "Accounts and sessions",
  PATCH: {
    summary: "Rename a passkey",
    auth: "session",
    params: IdParams,
    body: PasskeyRenameSchema,
    responses: { 200: PasskeyResponseSchema },
    errors: ["NOT_FOUND"],
    example: { params: { id: EXAMPLE_ID }, body: { name: "Work laptop" }, response: { passkey: { ...PASSKEY, name: "Work laptop" } } },
  },
  DELETE: {
    summary: "Remove a passkey",
    description: "Needs the password and a second factor: a `code` or `recoveryCode` in the body, or a recent `password+factor` proof " +
      "(POST /api/auth/reauth, where the passkey itself can vouch). Every other session ends; this one is replaced.",
    auth: "session",
    params: IdParams,
    body: PasskeyRemoveSchema,
    responses: SIGNED_IN,
    errors: ["NOT_FOUND", "WRONG_PASSWORD", "INVALID_MFA_CODE", "REAUTH_REQUIRED", "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED"],
    example: { params: { id: EXAMPLE_ID }, body: { password: EXAMPLE_PASSWORD }, response: { user: EXAMPLE_USER, token: EXAMPLE_TOKEN } },
  },
});
