import { defineContract } from "@/lib/openapi/contract";
import { CLEAR_SITE_DATA, CLEARED_COOKIE_HEADER } from "@/lib/openapi/examples";
import { DeletionScheduledSchema } from "@/lib/validation/account-data";
import { SuccessSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/account/deletion",
  tag: "Your data",
  POST: {
    summary: "Delete my account (after a grace period)",
    description:
      "Schedules the deletion `DELETION_GRACE_SECONDS` (30 days) ahead. At once: every session of the account ends " +
      "(this one too: the cookie is cleared) and every grant it gave or received is revoked; an email gives the date " +
      "and how to cancel. Signing in during the grace period works, and `user.deletionScheduledFor` is set. Needs a " +
      "recent proof. The last active superadmin gets 409 `LAST_SUPERADMIN`.",
    auth: "session",
    responses: { 200: { schema: DeletionScheduledSchema, headers: { "Set-Cookie": CLEARED_COOKIE_HEADER, "Clear-Site-Data": CLEAR_SITE_DATA } } },
    errors: ["REAUTH_REQUIRED", "LAST_SUPERADMIN"],
    example: { response: { scheduledFor: "2025-04-14T10:02:11.000Z" } },
  },
  DELETE: {
    summary: "Keep my account",
    description:
      "Cancels a scheduled deletion (the owner is emailed). Grants revoked when it was asked for stay revoked. 200 also " +
      "when none was scheduled. Open to an account whose two-step set-up is overdue: keeping an account is never blocked.",
    auth: "session",
    duringMfaSetup: true,
    responses: { 200: SuccessSchema },
    example: { response: { success: true } },
  },
});
