import "server-only";
import { eq, sql } from "drizzle-orm";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { throttles } from "@/lib/db/schema";
import { tooMany } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-ip";
import type { ErrorCode } from "@/lib/http/error-codes";

/**
 * Fixed-window counters in the database, so every app instance shares them (SPEC §2). Each hit is
 * one atomic upsert: parallel requests cannot slip past a limit by reading a stale count. Time is
 * the database's `now()`, the one clock all instances agree on.
 */
export async function hit(key: string, limit: number, windowSeconds: number): Promise<{ ok: boolean; retryAfter: number }> {
  const db = await getDb();
  const expired = sql`${throttles.windowStartedAt} <= now() - make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(throttles)
    .values({ key, count: 1, windowStartedAt: sql`now()`, lastAt: sql`now()` })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        count: sql`CASE WHEN ${expired} THEN 1 ELSE ${throttles.count} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${expired} THEN now() ELSE ${throttles.windowStartedAt} END`,
        lastAt: sql`now()`,
      },
    })
    .returning({
      count: throttles.count,
      retryAfter: sql<number>`extract(epoch from (${throttles.windowStartedAt} + make_interval(secs => ${windowSeconds}) - now()))::float8`,
    });
  return { ok: row!.count <= limit, retryAfter: Number(row!.retryAfter) };
}

/** Throws 429 with Retry-After when the key is over its limit. */
export async function enforce(key: string, limit: number, windowSeconds: number, code: ErrorCode = "RATE_LIMITED") {
  const r = await hit(key, limit, windowSeconds);
  if (!r.ok) throw tooMany(code, r.retryAfter);
}

/** SPEC §2: one bucket per client IP shared by sign-in, signup, code and reset endpoints. */
export async function enforceIpLimit(request: Request): Promise<void> {
  const ip = clientIp(request);
  const cfg = config();
  await enforce(`ip-min:${ip}`, cfg.IP_LIMIT_PER_MINUTE, 60);
  await enforce(`ip-hour:${ip}`, cfg.IP_LIMIT_PER_HOUR, 3600);
}

export async function clearThrottle(key: string): Promise<void> {
  const db = await getDb();
  await db.delete(throttles).where(eq(throttles.key, key));
}
