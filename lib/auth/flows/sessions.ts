import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { audit } from "@/lib/audit";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { sessions } from "@/lib/db/schema";
import { notFound } from "@/lib/http/app-error";
import { deviceName } from "@/lib/notifications/device";

/** GET /api/auth/sessions: the caller's live sessions, most recently used first, each with a readable `device`. */
export async function listSessions(userId: string, currentId: string) {
  const db = await getDb();
  const idle = config().SESSION_IDLE_SECONDS;
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${idle})`),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((r) => ({ ...r, device: deviceName(r.userAgent), current: r.id === currentId }));
}

/** DELETE /api/auth/sessions/{id}: ends one of the caller's own sessions; anyone else's is 404. */
export async function endOwnSession(actor: Actor, userId: string, sessionId: string): Promise<void> {
  const db = await getDb();
  const [row] = await db
    .update(sessions)
    .set({ endedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  if (!row) throw notFound();
  await audit("session_ended", actor, userId, { sessionId });
}
