import "server-only";
import type { Actor } from "@/lib/http/actor";
import type { User } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { audit } from "@/lib/audit";
import { claimLoginAttempt, clearLoginAttempts } from "@/lib/auth/throttle/login";
import { verifyPassword } from "@/lib/auth/passwords";
import type { ProofLevel, SessionContext } from "@/lib/auth/session/sessions";
import { checkSecondFactor, type FactorProof } from "@/lib/auth/mfa/factor";

/**
 * Re-entering the current password (change-password, change-email, reauth, removing a factor).
 * Someone holding a stolen session could otherwise guess the password here without limit, so every
 * try is throttled exactly like sign-in (same back-off and hard stop), in a bucket of its own: a
 * signed-in user's typos must not lock the account's sign-in. Keyed by account id because the email
 * can change; shared by every endpoint that asks because they guess the same password. A password
 * reset clears it (see completeReset).
 */
export const reauthKey = (userId: string) => `reauth:${userId}`;

export async function confirmCurrentPassword(actor: Actor, user: User, password: string, during: string): Promise<void> {
  await claimLoginAttempt(user.id, reauthKey);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await audit("signin_failed", actor, user.id, { reason: "wrong_current_password", during });
    throw new AppError("WRONG_PASSWORD");
  }
  await clearLoginAttempts(user.id, reauthKey);
}

/**
 * The proof a change to how the account signs in needs (docs/MFA.md "Recent proof"): the password,
 * and a second factor as well once the account has one — otherwise a stolen session that learned
 * the password could add its own passkey and keep the account after every password change.
 */
export function proofNeededFor(user: Pick<User, "mfaEnabledAt">): ProofLevel {
  return user.mfaEnabledAt ? "password+factor" : "password";
}

export function hasRecentProof(session: Pick<SessionContext, "recentProof">, need: ProofLevel): boolean {
  if (need === "password") return session.recentProof !== null;
  return session.recentProof === "password+factor";
}

/** 403 REAUTH_REQUIRED unless the session proved itself recently, at `need` or above. */
export function requireRecentProof(session: Pick<SessionContext, "recentProof">, need: ProofLevel): void {
  if (!hasRecentProof(session, need)) throw new AppError("REAUTH_REQUIRED");
}

/**
 * The endpoints that take the proof in their body (removing a factor, new recovery codes, change
 * email): the password always, and, where `need` is password+factor, a code or recovery code in the
 * body or else a recent password+factor proof of this session (a passkey proves itself through
 * POST /api/auth/reauth). A missing factor is refused before the password is tried, so it costs no
 * guess.
 */
export async function confirmPasswordAndFactor(
  actor: Actor,
  session: Pick<SessionContext, "user" | "recentProof">,
  password: string,
  proof: FactorProof,
  opts: { need: ProofLevel; during: string },
): Promise<void> {
  const inBody = proof.code !== undefined || proof.recoveryCode !== undefined;
  if (opts.need === "password+factor" && !inBody) requireRecentProof(session, "password+factor");
  await confirmCurrentPassword(actor, session.user, password, opts.during);
  if (inBody) await checkSecondFactor(actor, session.user, proof, { during: opts.during });
}
