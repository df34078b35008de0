import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_ID, EXAMPLE_TOKEN, EXAMPLE_USER, SESSION_COOKIE_HEADER } from "@/lib/openapi/examples";
import { PasskeySignInSchema } from "@/lib/validation/mfa";
import { SignedInSchema } from "@/lib/validation/responses";

const ASSERTION = { id: "Y3JlZGVudGlhbC1pZA", rawId: "Y3JlZGVudGlhbC1pZA", type: "public-key", response: {}, clientExtensionResults: {} };
const SIGNED_IN = { 200: { schema: SignedInSchema, headers: { "Set-Cookie": SESSION_COOKIE_HEADER } } };

export const contract = defineContract({
  path: "/api/auth/passkey/login",
  tag: "Accounts and sessions",
  POST: {
    summary: "Sign in with a passkey",
    auth: "none",
    ipLimit: true,
    body: PasskeySignInSchema,
    responses: SIGNED_IN,
    errors: ["PASSKEY_FAILED", "ACCOUNT_SUSPENDED"],
    example: { body: { challengeId: EXAMPLE_ID, response: ASSERTION }, response: { user: EXAMPLE_USER, token: EXAMPLE_TOKEN } },
  },
});
