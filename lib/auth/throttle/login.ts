import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, eq, isNotNull, type Placeholder, sql } from "drizzle-orm";
import type { PgInsertBase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { config } from "@/lib/config";
import { type Db, getDb } from "@/lib/db/client";
import { preparedPerHandle } from "@/lib/db/prepared";
import { throttles, type User, users } from "@/lib/db/schema";
import { AppError, tooMany } from "@/lib/http/app-error";
import { ipLimitCtes, ipLimitParams, markIpCounted, refuseOverIpLimit } from "@/lib/http/rate-limit";

/**
 * Per-account sign-in throttling (docs/RULES.md "Sign-in throttling"), keyed by the normalised email so unknown emails are
 * throttled exactly like real ones (no enumeration through 429s). An attempt is counted *before*
 * the password is checked, in one atomic statement, so a burst of parallel guesses cannot outrun
 * the counter; a successful sign-in clears it. After LOGIN_FREE_FAILURES attempts each further one
 * must wait 2^(n - free) s (capped at an hour) since the last; at LOGIN_HARD_STOP only a password
 * reset unlocks the account.
 */
const MAX_BACKOFF_SECONDS = 3600;
export const loginKey = (email: string) => `login:${email}`;

const backoffOf = (free: number | Placeholder) =>
  sql`make_interval(secs => least(power(2, ${throttles.count} - ${free}), ${MAX_BACKOFF_SECONDS}))`;

/** The atomic claim: a new key starts at 1; an existing one is counted only when it may try again now. */
function claim<Q extends { onConflictDoUpdate: PgInsertBase<typeof throttles, PgQueryResultHKT>["onConflictDoUpdate"] }>(
  insert: Q,
  free: number | Placeholder,
  hard: number | Placeholder,
) {
  return insert
    .onConflictDoUpdate({
      target: throttles.key,
      set: { count: sql`${throttles.count} + 1`, lastAt: sql`now()` },
      setWhere: sql`${throttles.count} < ${free} OR (${throttles.count} < ${hard} AND ${throttles.lastAt} + ${backoffOf(free)} <= now())`,
    })
    .returning({ count: throttles.count });
}

/** Claims one attempt; returns how many attempts the key has counted since its last success. */
export async function claimLoginAttempt(email: string, keyFor: (e: string) => string = loginKey): Promise<number> {
  const { LOGIN_FREE_FAILURES: free, LOGIN_HARD_STOP: hard } = config();
  const db = await getDb();
  const key = keyFor(email);
  const claimed = await claim(db.insert(throttles).values({ key, count: 1, windowStartedAt: sql`now()`, lastAt: sql`now()` }), free, hard);
  if (claimed.length > 0) return claimed[0]!.count;
  return refuseAttempt(db, key);
}

/**
 * Sign-in's first and only statement before the password check (two round trips per sign-in, not
 * four): the request is counted in the per-IP bucket, the attempt is claimed exactly as
 * `claimLoginAttempt` claims it, and the user row comes back in the same answer — null for an
 * unknown email, which is throttled all the same. The claim is made only when the IP is within its
 * limits, so a client over them counts nothing against the account, as when the two were separate.
 */
export async function claimLoginAttemptFindUser(db: Db, actor: Actor, email: string): Promise<User | null> {
  const { LOGIN_FREE_FAILURES: free, LOGIN_HARD_STOP: hard } = config();
  const [row] = await claimAndFind(db).execute({ ...ipLimitParams(actor.ip), key: loginKey(email), email, free, hard });
  markIpCounted(actor);
  refuseOverIpLimit(row!);
  if (row!.claimed !== null) return row!.user;
  return refuseAttempt(db, loginKey(email));
}

const claimAndFind = preparedPerHandle(prepareClaimAndFind);

function prepareClaimAndFind(db: Db) {
  const { minute, hour } = ipLimitCtes(db);
  // `hour` has a row only when the minute is within its limit; the hour's own limit gates the rest.
  const firstTry = sql`select ${sql.placeholder("key")}, 1, now(), now() from ${hour} where ${hour.count} <= ${sql.placeholder("hourLimit")}`;
  const claimed = db.$with("claimed").as(claim(db.insert(throttles).select(firstTry), sql.placeholder("free"), sql.placeholder("hard")));
  return db
    .with(minute, hour, claimed)
    .select({ minute: minute.count, minuteRetry: minute.retryAfter, hour: hour.count, hourRetry: hour.retryAfter, claimed: claimed.count, user: users })
    .from(minute)
    .leftJoin(hour, sql`true`)
    .leftJoin(claimed, sql`true`)
    .leftJoin(users, and(eq(users.email, sql.placeholder("email")), isNotNull(claimed.count)))
    .prepare("caregate_login_claim");
}

/** The attempt was not counted: 429 with how long to wait, or the hard stop. */
async function refuseAttempt(db: Db, key: string): Promise<never> {
  const { LOGIN_FREE_FAILURES: free, LOGIN_HARD_STOP: hard } = config();
  const backoff = backoffOf(free);
  const [row] = await db
    .select({
      count: throttles.count,
      wait: sql<number>`extract(epoch from (${throttles.lastAt} + ${backoff} - now()))::float8`,
    })
    .from(throttles)
    .where(eq(throttles.key, key));
  if (!row || row.count >= hard) throw new AppError("ACCOUNT_LOCKED", { retryAfterSeconds: MAX_BACKOFF_SECONDS });
  throw tooMany("TOO_MANY_ATTEMPTS", Number(row.wait));
}

export async function clearLoginAttempts(email: string, keyFor: (e: string) => string = loginKey): Promise<void> {
  await clearLoginAttemptsDelete(await getDb(), email, keyFor);
}

/** The same delete, not yet run, for a caller that folds it into another statement (sign-in). */
export function clearLoginAttemptsDelete(db: Db, email: string, keyFor: (e: string) => string = loginKey) {
  return db.delete(throttles).where(eq(throttles.key, keyFor(email)));
}
