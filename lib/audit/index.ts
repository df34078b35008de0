import "server-only";
import { type Db, getDb } from "@/lib/db/client";
import { securityEvents } from "@/lib/db/schema";
import type { RequestOrigin } from "@/lib/http/actor";
import type { SecurityEventType } from "@/lib/validation/audit-events";

/** The one list of event types lives beside the audit filter's input schema (browser-safe). */
export type { SecurityEventType };

/**
 * Append-only trail of security-relevant events (docs/RULES.md "Audit"). `userId` is the account the
 * event is about; `actorId` is who acted when that is someone else (an admin, a doctor).
 * `from`: the request's actor (lib/http/actor.ts), whose IP, user agent and request id the row
 * keeps; null for what no request caused (the retention job).
 */
export async function audit(
  type: SecurityEventType,
  from: RequestOrigin | null,
  userId: string | null,
  detail?: Record<string, unknown>,
  actorId?: string | null,
): Promise<void> {
  await auditInsert(await getDb(), type, from, userId, detail, actorId);
}

/**
 * The same insert, not yet run: a hot path (sign-in) passes it to createSession so the event is
 * written in the same statement as the session, still before the response.
 */
export function auditInsert(
  db: Db,
  type: SecurityEventType,
  from: RequestOrigin | null,
  userId: string | null,
  detail?: Record<string, unknown>,
  actorId?: string | null,
) {
  return db.insert(securityEvents).values({
    type,
    userId,
    actorId: actorId ?? null,
    ip: from?.ip ?? null,
    userAgent: from?.userAgent ?? null,
    requestId: from?.requestId ?? null,
    detail,
  });
}
