import "server-only";
import { type Db, getDb } from "@/lib/db/client";
import { securityEvents } from "@/lib/db/schema";
import { clientIp, userAgent } from "@/lib/http/client-ip";

export type SecurityEventType =
  | "signup"
  | "code_sent"
  | "code_verified"
  | "code_failed"
  | "signin_ok"
  | "signin_failed"
  | "signout"
  | "signout_all"
  | "session_ended"
  | "profile_updated"
  | "password_reset_requested"
  | "password_reset"
  | "password_changed"
  | "email_change_requested"
  | "email_changed"
  | "mail_dropped"
  | "account_purged"
  // Administration (docs/ADMIN.md): one event per change an admin makes, with actor, before → after and reason.
  | "role_changed"
  | "user_suspended"
  | "user_reactivated"
  | "doctor_approved"
  | "doctor_rejected"
  | "user_renamed"
  | "user_deleted"

  // Health records and sharing (docs/RECORDS.md). record_accessed: a doctor read a patient's record(s);
  // the patient's access log lists these (userId = patient, actorId = doctor).
  | "record_uploaded"
  | "record_deleted"
  | "record_accessed"
  | "grant_created"
  | "grant_revoked"
  // Second factor (docs/MFA.md)
  | "signin_mfa_required"
  | "mfa_totp_enabled"
  | "mfa_totp_disabled"
  | "mfa_failed"
  | "mfa_failures_notified"
  | "reauthenticated"
  | "mfa_recovery_code_used"
  | "mfa_recovery_codes_regenerated"
  | "mfa_reset"
  | "passkey_added"
  | "passkey_renamed"
  | "passkey_removed";

/**
 * Append-only trail of security-relevant events (docs/RULES.md "Audit"). `userId` is the account the
 * event is about; `actorId` is who acted when that is someone else (an admin, a doctor).
 */
export async function audit(
  type: SecurityEventType,
  request: Request | null,
  userId: string | null,
  detail?: Record<string, unknown>,
  actorId?: string | null,
): Promise<void> {
  await auditInsert(await getDb(), type, request, userId, detail, actorId);
}

/**
 * The same insert, not yet run: a hot path (sign-in) passes it to createSession so the event is
 * written in the same statement as the session, still before the response.
 */
export function auditInsert(
  db: Db,
  type: SecurityEventType,
  request: Request | null,
  userId: string | null,
  detail?: Record<string, unknown>,
  actorId?: string | null,
) {
  return db.insert(securityEvents).values({
    type,
    userId,
    actorId: actorId ?? null,
    ip: request ? clientIp(request) : null,
    userAgent: request ? userAgent(request) : null,
    detail,
  });
}
