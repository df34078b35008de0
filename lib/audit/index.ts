import "server-only";
import { type Db, getDb } from "@/lib/db/client";
import { securityEvents } from "@/lib/db/schema";
import { clientIp, userAgent } from "@/lib/http/client-ip";
import type { SecurityEventType } from "@/lib/validation/audit-events";

/** The one list of event types lives beside the audit filter's input schema (browser-safe). */
export type { SecurityEventType };

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
