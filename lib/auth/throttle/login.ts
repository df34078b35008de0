import "server-only";
import { eq, type Placeholder, sql } from "drizzle-orm";
import type { PgInsertBase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { config } from "@/lib/config";
import { type Db, getDb } from "@/lib/db/client";
import { throttles, type User, users } from "@/lib/db/schema";
import { AppError, tooMany } from "@/lib/http/app-error";

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

export async function claimLoginAttempt(email: string, keyFor: (e: string) => string = loginKey): Promise<void> {
  const { LOGIN_FREE_FAILURES: free, LOGIN_HARD_STOP: hard } = config();
  const db = await getDb();
  const key = keyFor(email);
  const claimed = await claim(db.insert(throttles).values({ key, count: 1, windowStartedAt: sql`now()`, lastAt: sql`now()` }), free, hard);
  if (claimed.length > 0) return;
  await refuseAttempt(db, key);
}

/**
 * Sign-in's claim and its account lookup in one prepared statement (one round trip instead of two):
 * the attempt is counted exactly as `claimLoginAttempt` counts it, and the user row comes back in
 * the same answer — null for an unknown email, which is throttled all the same. When the attempt
 * is refused no row comes back at all, and the 429 is built as before.
 */
export async function claimLoginAttemptFindUser(db: Db, email: string): Promise<User | null> {
  const { LOGIN_FREE_FAILURES: free, LOGIN_HARD_STOP: hard } = config();
  let statement = claimAndFindStatements.get(db);
  if (!statement) claimAndFindStatements.set(db, (statement = prepareClaimAndFind(db)));
  const [row] = await statement.execute({ key: loginKey(email), email, free, hard });
  if (row) return row.user;
  return refuseAttempt(db, loginKey(email));
}

const claimAndFindStatements = new WeakMap<Db, ReturnType<typeof prepareClaimAndFind>>();

function prepareClaimAndFind(db: Db) {
  const firstTry = { key: sql.placeholder("key"), count: 1, windowStartedAt: sql`now()`, lastAt: sql`now()` };
  const claimed = db.$with("claimed").as(claim(db.insert(throttles).values(firstTry), sql.placeholder("free"), sql.placeholder("hard")));
  return db
    .with(claimed)
    .select({ user: users, count: claimed.count })
    .from(users)
    .rightJoin(claimed, eq(users.email, sql.placeholder("email")))
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
