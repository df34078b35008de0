import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_CODE, EXAMPLE_PASSWORD } from "@/lib/openapi/examples";
import { ReauthResultSchema } from "@/lib/validation/mfa-responses";
import { ReauthSchema } from "@/lib/validation/mfa";

export const contract = defineContract({
  path: "/api/auth/reauth",
  tag: "Accounts and sessions",
  POST: {
    summary: "Confirm it is me (recent proof)",
    description:
      "The password, and optionally one second factor (`code`, `recoveryCode`, or `passkey` — an assertion for the options of " +
      "/api/auth/reauth/passkey/options). This session then counts as recently authenticated until `reauthenticatedUntil`, at " +
      "`level` `password` (no factor given, even on an account that has one) or `password+factor`. Adding a passkey or an app, " +
      "removing a factor, new recovery codes and changing the email answer 403 `REAUTH_REQUIRED` without a recent enough proof. " +
      "Wrong passwords are throttled like change-password, wrong codes like the second step of sign-in.",
    auth: "session",
    duringMfaSetup: true,
    ipLimit: true,
    body: ReauthSchema,
    responses: { 200: ReauthResultSchema },
    errors: ["WRONG_PASSWORD", "INVALID_MFA_CODE", "PASSKEY_FAILED", "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED"],
    example: {
      body: { password: EXAMPLE_PASSWORD, code: EXAMPLE_CODE },
      response: { reauthenticatedUntil: "2026-05-01T09:40:00.000Z", level: "password+factor" },
    },
  },
});
