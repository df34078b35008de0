/**
 * Every security event type the audit trail records (docs/RULES.md "Audit"): the one list, read by
 * the audit module (lib/audit) for its type and by the audit filter (lib/validation/admin.ts) to
 * accept exactly these. Browser-safe, so the admin pages can offer them as filter choices.
 */
export const AUDIT_EVENT_TYPES = [
  "signup",
  "code_sent",
  "code_verified",
  "code_failed",
  "signin_ok",
  "signin_failed",
  "signout",
  "signout_all",
  "session_ended",
  "profile_updated",
  "password_reset_requested",
  "password_reset",
  "password_changed",
  "email_change_requested",
  "email_changed",
  "mail_dropped",
  "account_purged",
  "role_changed",
  "user_suspended",
  "user_reactivated",
  "doctor_approved",
  "doctor_rejected",
  "user_renamed",
  "user_deleted",
  "record_uploaded",
  "record_deleted",
  "record_updated",
  "record_infected",
  "record_accessed",
  "grant_created",
  "grant_revoked",
  "signin_mfa_required",
  "mfa_totp_enabled",
  "mfa_totp_disabled",
  "mfa_failed",
  "mfa_failures_notified",
  "reauthenticated",
  "mfa_recovery_code_used",
  "mfa_recovery_codes_regenerated",
  "mfa_reset",
  "passkey_added",
  "passkey_renamed",
  "passkey_removed",
  // An optional email switched on or off, on the account page or by an unsubscribe link (docs/NOTIFICATIONS.md).
  "notifications_changed",
  // Your data (docs/PRIVACY.md): an export, and the steps of a deletion the owner asked for.
  "data_exported",
  "deletion_scheduled",
  "deletion_cancelled",
  "account_deleted",
] as const;

export type SecurityEventType = (typeof AUDIT_EVENT_TYPES)[number];
