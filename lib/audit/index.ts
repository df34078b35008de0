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
  | "email_changed";

/** Append-only trail of security-relevant events; the future admin audit view reads it. */
export async function audit(
  type: SecurityEventType,
  request: Request | null,
  userId: string | null,
  detail?: Record<string, unknown>,
): Promise<void> {
  await auditInsert(await getDb(), type, request, userId, detail);
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
) {
  return db.insert(securityEvents).values({
    type,
    userId,
    ip: request ? clientIp(request) : null,
    userAgent: request ? userAgent(request) : null,
    detail,
  });
}
