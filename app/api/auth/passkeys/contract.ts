import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_ID } from "@/lib/openapi/examples";
import { PasskeyAddedSchema, PasskeyListSchema } from "@/lib/validation/mfa-responses";
import { PasskeyRegisterSchema } from "@/lib/validation/mfa";

const PASSKEY = { id: EXAMPLE_ID, name: "Passkey 1", createdAt: "2026-05-01T09:30:00.000Z", lastUsedAt: null };
const ASSERTION = { id: "Y3JlZGVudGlhbC1pZA", rawId: "Y3JlZGVudGlhbC1pZA", type: "public-key", response: {}, clientExtensionResults: {} };
const RECOVERY = ["7hq2k-m4xzp", "c9d3f-a1b2e"];

export const contract = defineContract({
  path: "/api/auth/passkeys",
  tag: "Accounts and sessions",
  GET: {
    summary: "My passkeys",
    auth: "session",
    duringMfaSetup: true,
    responses: { 200: PasskeyListSchema },
    example: { response: { passkeys: [PASSKEY] } },
  },
  POST: {
    summary: "Add a passkey",
    description: "The `navigator.credentials.create` answer to the options of /api/auth/passkeys/options. The account's first factor also gets ten recovery codes, shown this once.",
    auth: "session",
    duringMfaSetup: true,
    body: PasskeyRegisterSchema,
    responses: { 201: PasskeyAddedSchema },
    errors: ["PASSKEY_FAILED"],
    example: { body: { challengeId: EXAMPLE_ID, response: ASSERTION }, response: { passkey: PASSKEY, recoveryCodes: RECOVERY } },
  },
});
