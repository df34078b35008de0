import "server-only";
import { eq, sql } from "drizzle-orm";
import { config } from "@/lib/config";
import { type Db, getDb } from "@/lib/db/client";
import { throttles } from "@/lib/db/schema";
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

export async function claimLoginAttempt(email: string, keyFor: (e: string) => string = loginKey): Promise<void> {
  const { LOGIN_FREE_FAILURES: free, LOGIN_HARD_STOP: hard } = config();
  const db = await getDb();
  const key = keyFor(email);
  const backoff = sql`make_interval(secs => least(power(2, ${throttles.count} - ${free}), ${MAX_BACKOFF_SECONDS}))`;
  const claimed = await db
    .insert(throttles)
    .values({ key, count: 1, windowStartedAt: sql`now()`, lastAt: sql`now()` })
    .onConflictDoUpdate({
      target: throttles.key,
      set: { count: sql`${throttles.count} + 1`, lastAt: sql`now()` },
      setWhere: sql`${throttles.count} < ${free} OR (${throttles.count} < ${hard} AND ${throttles.lastAt} + ${backoff} <= now())`,
    })
    .returning({ count: throttles.count });
  if (claimed.length > 0) return;

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
