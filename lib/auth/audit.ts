import "server-only";
import { getDb } from "@/lib/db/client";
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
  const db = await getDb();
  await db.insert(securityEvents).values({
    type,
    userId,
    ip: request ? clientIp(request) : null,
    userAgent: request ? userAgent(request) : null,
    detail,
  });
}
