import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mfaChallenges } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";

/**
 * The mfaToken of a sign-in halfway through (docs/MFA.md "Sign-in"): 32 random bytes, stored as
 * SHA-256 (high entropy, so no key is needed), bound to one account, alive MFA_TOKEN_TTL_SECONDS and
 * consumed by the sign-in it completes. A wrong code does not consume it (typos happen); the
 * per-account throttle of lib/auth/mfa/factor.ts limits guesses instead.
 */
export const MFA_TOKEN_TTL_SECONDS = 300;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueMfaToken(db: Db, user: { id: string; tokenVersion: number }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(mfaChallenges).values({
    userId: user.id,
    tokenVersion: user.tokenVersion,
    tokenHash: hashToken(token),
    expiresAt: sql`now() + make_interval(secs => ${MFA_TOKEN_TTL_SECONDS})`,
  });
  return token;
}

/**
 * A password change, a reset or "sign out everywhere" bumps the account's tokenVersion: a sign-in
 * halfway through dies with the sessions, so a password that was just changed cannot be finished.
 */
const sameTokenVersion = sql`${mfaChallenges.tokenVersion} = (select u.token_version from users u where u.id = ${mfaChallenges.userId})`;

const live = (token: string) =>
  and(eq(mfaChallenges.tokenHash, hashToken(token)), isNull(mfaChallenges.usedAt), gt(mfaChallenges.expiresAt, sql`now()`), sameTokenVersion);

/** The live challenge a token names; 401 MFA_TOKEN_INVALID when it is unknown, used or expired. */
export async function findMfaChallenge(db: Db, token: string) {
  const [row] = await db.select().from(mfaChallenges).where(live(token));
  if (!row) throw new AppError("MFA_TOKEN_INVALID");
  return row;
}

/** Remembers the WebAuthn challenge of a passkey second factor on the sign-in it belongs to. */
export async function setChallengeWebauthn(db: Db, token: string, challenge: string): Promise<void> {
  const set = await db.update(mfaChallenges).set({ webauthnChallenge: challenge }).where(live(token)).returning({ id: mfaChallenges.id });
  if (set.length === 0) throw new AppError("MFA_TOKEN_INVALID");
}

/** Consumes it: exactly one of several parallel completions wins. */
export async function consumeMfaChallenge(db: Db, id: string): Promise<void> {
  const used = await db
    .update(mfaChallenges)
    .set({ usedAt: sql`now()` })
    .where(and(eq(mfaChallenges.id, id), isNull(mfaChallenges.usedAt), gt(mfaChallenges.expiresAt, sql`now()`), sameTokenVersion))
    .returning({ id: mfaChallenges.id });
  if (used.length === 0) throw new AppError("MFA_TOKEN_INVALID");
}
