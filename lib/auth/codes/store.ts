import "server-only";
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { type CodePurpose, verificationCodes } from "@/lib/db/schema";
import { AppError, tooMany } from "@/lib/http/app-error";
import { derivedKey } from "@/lib/auth/secrets";

/**
 * The one verification mechanism for every code purpose (signup, reset, change_email, …).
 * A code is 6 CSPRNG digits, stored only as HMAC-SHA-256(server key, account | purpose | target | code),
 * so a database leak reveals nothing guessable offline. One row per account + purpose: issuing a
 * new code replaces (voids) the old one. Each try is *claimed* in one atomic UPDATE before the
 * code is compared, so parallel guesses cannot exceed the per-code or per-hour budgets, and a right
 * code is consumed by a second conditional UPDATE, so exactly one of many parallel right answers wins.
 */

export const HOUR_SECONDS = 3600;

export function generateCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

function hmacCode(userId: string, purpose: CodePurpose, target: string | null, code: string): string {
  return createHmac("sha256", derivedKey("otp-hmac"))
    .update(`${userId}|${purpose}|${target ?? ""}|${code}`)
    .digest("hex");
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export type IssuedCode = { code: string; link?: string };

/** Issues a fresh code (and, for resets, a link token) and voids any earlier one of that purpose. */
export async function issueCode(
  db: Db,
  opts: { userId: string; purpose: CodePurpose; target?: string | null; withLink?: boolean },
): Promise<IssuedCode> {
  const cfg = config();
  const code = generateCode();
  const link = opts.withLink ? randomBytes(32).toString("base64url") : undefined;
  const target = opts.target ?? null;
  const values = {
    userId: opts.userId,
    purpose: opts.purpose,
    target,
    codeHash: hmacCode(opts.userId, opts.purpose, target, code),
    linkHash: link ? sha256(link) : null,
    // expiresAt is the link's deadline (or the code's when there is no link); the code's own
    // deadline is createdAt + OTP_TTL_SECONDS, checked in consumeCode.
    expiresAt: sql`now() + make_interval(secs => ${link ? cfg.RESET_TOKEN_TTL_SECONDS : cfg.OTP_TTL_SECONDS})`,
    attempts: 0,
    createdAt: sql`now()`,
  };
  await db
    .insert(verificationCodes)
    .values(values)
    .onConflictDoUpdate({ target: [verificationCodes.userId, verificationCodes.purpose], set: values });
  return { code, link };
}

type Consumed = { target: string | null };

/**
 * Checks `code` for the account + purpose and consumes it. Throws 400 INVALID_CODE (wrong, expired,
 * used, or no code at all: one answer) or 429 TOO_MANY_ATTEMPTS (hourly budget spent).
 */
export async function consumeCode(
  db: Db,
  opts: { userId: string; purpose: CodePurpose; code: string; beforeConsume?: (() => Promise<void>) | undefined },
): Promise<Consumed> {
  const cfg = config();
  const c = verificationCodes;
  const hourOver = sql`${c.hourStartedAt} <= now() - make_interval(secs => ${HOUR_SECONDS})`;
  const live = sql`${c.codeHash} IS NOT NULL AND ${c.createdAt} > now() - make_interval(secs => ${cfg.OTP_TTL_SECONDS})`;

  const [claim] = await db
    .update(c)
    .set({
      attempts: sql`${c.attempts} + 1`,
      hourFailures: sql`CASE WHEN ${hourOver} THEN 1 ELSE ${c.hourFailures} + 1 END`,
      hourStartedAt: sql`CASE WHEN ${hourOver} THEN now() ELSE ${c.hourStartedAt} END`,
    })
    .where(
      and(
        eq(c.userId, opts.userId),
        eq(c.purpose, opts.purpose),
        sql`${live} AND ${c.attempts} < ${cfg.OTP_MAX_ATTEMPTS}`,
        sql`(${hourOver} OR ${c.hourFailures} < ${cfg.OTP_MAX_FAILURES_PER_HOUR})`,
      ),
    )
    .returning({ id: c.id, codeHash: c.codeHash, target: c.target });

  if (!claim) return rejectWithoutClaim(db, opts.userId, opts.purpose);

  const expected = Buffer.from(claim.codeHash!, "hex");
  const given = Buffer.from(hmacCode(opts.userId, opts.purpose, claim.target, opts.code), "hex");
  if (!timingSafeEqual(expected, given)) throw new AppError("INVALID_CODE");

  // The right code, but the flow refuses to go on (e.g. an ambiguous sign-up): the code stays
  // live, and this try counts neither as a failure nor as a use.
  if (opts.beforeConsume) {
    try {
      await opts.beforeConsume();
    } catch (e) {
      await db
        .update(c)
        .set({ attempts: sql`greatest(${c.attempts} - 1, 0)`, hourFailures: sql`greatest(${c.hourFailures} - 1, 0)` })
        .where(eq(c.id, claim.id));
      throw e;
    }
  }

  // The right code: consume it (and the reset link with it). The claim above counted it as a
  // failure in advance; give that back.
  const [consumed] = await db
    .update(c)
    .set({ codeHash: null, linkHash: null, hourFailures: sql`greatest(${c.hourFailures} - 1, 0)` })
    .where(and(eq(c.id, claim.id), eq(c.codeHash, claim.codeHash!)))
    .returning({ target: c.target });
  if (!consumed) throw new AppError("INVALID_CODE"); // a parallel request used it first
  return consumed;
}

/** Nothing could be claimed: either the hourly budget is spent (429) or there is no live code (400). */
async function rejectWithoutClaim(db: Db, userId: string, purpose: CodePurpose): Promise<never> {
  const cfg = config();
  const c = verificationCodes;
  const [row] = await db
    .select({
      failures: c.hourFailures,
      retryAfter: sql<number>`extract(epoch from (${c.hourStartedAt} + make_interval(secs => ${HOUR_SECONDS}) - now()))::float8`,
    })
    .from(c)
    .where(and(eq(c.userId, userId), eq(c.purpose, purpose)));
  if (row && row.failures >= cfg.OTP_MAX_FAILURES_PER_HOUR && Number(row.retryAfter) > 0) {
    throw tooMany("TOO_MANY_ATTEMPTS", Number(row.retryAfter));
  }
  throw new AppError("INVALID_CODE");
}

/**
 * The account a live link belongs to, without consuming it: a reset must check the new password
 * against the account's email first, so a rejected password does not burn the link.
 */
export async function peekLink(db: Db, purpose: CodePurpose, token: string): Promise<{ userId: string } | null> {
  const c = verificationCodes;
  const [row] = await db
    .select({ userId: c.userId })
    .from(c)
    .where(and(eq(c.linkHash, sha256(token)), eq(c.purpose, purpose), isNotNull(c.linkHash), sql`${c.expiresAt} > now()`));
  return row ?? null;
}

/** Consumes a reset link (and the code issued with it). Returns the account it belongs to. */
export async function consumeLink(db: Db, purpose: CodePurpose, token: string): Promise<{ userId: string } | null> {
  const c = verificationCodes;
  const [row] = await db
    .update(c)
    .set({ codeHash: null, linkHash: null })
    .where(and(eq(c.linkHash, sha256(token)), eq(c.purpose, purpose), isNotNull(c.linkHash), sql`${c.expiresAt} > now()`))
    .returning({ userId: c.userId });
  return row ?? null;
}

/** Voids every outstanding code of a purpose for an account (e.g. any password change voids resets). */
export async function voidCodes(db: Db, userId: string, purpose: CodePurpose): Promise<void> {
  const c = verificationCodes;
  await db
    .update(c)
    .set({ codeHash: null, linkHash: null })
    .where(and(eq(c.userId, userId), eq(c.purpose, purpose)));
}
