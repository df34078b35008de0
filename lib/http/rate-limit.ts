import "server-only";
import { eq, type Placeholder, sql } from "drizzle-orm";
import type { PgInsertBase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { config } from "@/lib/config";
import { type Db, getDb } from "@/lib/db/client";
import { preparedPerHandle } from "@/lib/db/prepared";
import { throttles } from "@/lib/db/schema";
import { type Actor, requestOf } from "@/lib/http/actor";
import { tooMany } from "@/lib/http/app-error";
import { clientIp, ipBucket } from "@/lib/http/client-ip";
import type { ErrorCode } from "@/lib/http/error-codes";

/**
 * Fixed-window counters in the database, so every app instance shares them (docs/RULES.md "Throttling"). Each hit is
 * one atomic upsert: parallel requests cannot slip past a limit by reading a stale count. Time is
 * the database's `now()`, the one clock all instances agree on.
 */
export async function hit(key: string, limit: number, windowSeconds: number): Promise<{ ok: boolean; retryAfter: number }> {
  const db = await getDb();
  const [row] = await counted(db.insert(throttles).values(firstHit(key)), windowSeconds);
  return { ok: row!.count <= limit, retryAfter: Number(row!.retryAfter) };
}

const firstHit = (key: string | Placeholder) => ({ key, count: 1, windowStartedAt: sql`now()`, lastAt: sql`now()` });

/** The fixed-window rule, shared by `hit` and `enforceIpLimit`: a new key starts at 1, an expired window restarts. */
function counted<Q extends { onConflictDoUpdate: PgInsertBase<typeof throttles, PgQueryResultHKT>["onConflictDoUpdate"] }>(
  insert: Q,
  windowSeconds: number,
  retryAlias = "retry_after", // distinct names when two of these meet in one statement
) {
  const expired = sql`${throttles.windowStartedAt} <= now() - make_interval(secs => ${windowSeconds})`;
  return insert
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
      retryAfter: sql<number>`extract(epoch from (${throttles.windowStartedAt} + make_interval(secs => ${windowSeconds}) - now()))::float8`.as(retryAlias),
    });
}

/** Throws 429 with Retry-After when the key is over its limit. */
export async function enforce(key: string, limit: number, windowSeconds: number, code: ErrorCode = "RATE_LIMITED") {
  const r = await hit(key, limit, windowSeconds);
  if (!r.ok) throw tooMany(code, r.retryAfter);
}

/**
 * docs/RULES.md "Per-IP limit": one bucket per client IP shared by sign-in, signup, code and reset endpoints. This runs
 * on every auth POST, so both windows are counted in one prepared statement (one round trip,
 * built once), with the same rule as two `enforce` calls in a row: the hour is counted only when
 * the minute is within its limit.
 */
export async function enforceIpLimit(request: Request): Promise<void> {
  const db = await getDb();
  const [row] = await ipLimit(db).execute(ipLimitParams(clientIp(request)));
  markIpCounted(request);
  refuseOverIpLimit(row!);
}

const ipLimit = preparedPerHandle(prepareIpLimit);

function prepareIpLimit(db: Db) {
  const { minute, hour } = ipLimitCtes(db);
  return db
    .with(minute, hour)
    .select({ minute: minute.count, minuteRetry: minute.retryAfter, hour: hour.count, hourRetry: hour.retryAfter })
    .from(minute)
    .leftJoin(hour, sql`true`)
    .prepare("caregate_ip_limit");
}

/**
 * The two windows as CTEs `minute` and `hour`, for a statement that counts the request along with
 * its own first step (sign-in's claim, lib/auth/throttle/login.ts). Placeholders: minuteKey,
 * hourKey, minuteLimit (and hourLimit for the caller's own gate), filled by `ipLimitParams`.
 */
export function ipLimitCtes(db: Db) {
  const minute = db.$with("minute").as(counted(db.insert(throttles).values(firstHit(sql.placeholder("minuteKey"))), 60, "minute_retry"));
  const hourRow = sql`select ${sql.placeholder("hourKey")}, 1, now(), now() from ${minute} where ${minute.count} <= ${sql.placeholder("minuteLimit")}`;
  const hour = db.$with("hour").as(counted(db.insert(throttles).select(hourRow), 3600, "hour_retry"));
  return { minute, hour };
}

/** `clientIp`: the address as clientIp() (or the actor) has it. */
export function ipLimitParams(clientIp: string) {
  const ip = ipBucket(clientIp); // an IPv6 client is its /64
  const cfg = config();
  return { minuteKey: `ip-min:${ip}`, hourKey: `ip-hour:${ip}`, minuteLimit: cfg.IP_LIMIT_PER_MINUTE, hourLimit: cfg.IP_LIMIT_PER_HOUR };
}

/** 429 RATE_LIMITED when either window of the counted request is over its limit (the minute first). */
export function refuseOverIpLimit(row: { minute: number; minuteRetry: number; hour: number | null; hourRetry: number | null }): void {
  const cfg = config();
  if (row.minute > cfg.IP_LIMIT_PER_MINUTE) throw tooMany("RATE_LIMITED", Number(row.minuteRetry));
  if (row.hour! > cfg.IP_LIMIT_PER_HOUR) throw tooMany("RATE_LIMITED", Number(row.hourRetry));
}

/**
 * Which requests have been counted in the per-IP bucket, so the handler can count one that failed
 * before its flow did (lib/http/handler.ts, `ipLimit: "with-first-statement"`) and never twice.
 */
const countedRequests = new WeakSet<Request>();
export const markIpCounted = (by: Request | Actor) => {
  const request = by instanceof Request ? by : requestOf(by);
  if (request) countedRequests.add(request);
};
export const isIpCounted = (request: Request) => countedRequests.has(request);

export async function clearThrottle(key: string): Promise<void> {
  const db = await getDb();
  await db.delete(throttles).where(eq(throttles.key, key));
}
