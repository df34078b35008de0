import "server-only";
import type { Actor } from "@/lib/http/actor";
import { eq, sql } from "drizzle-orm";
import { audit } from "@/lib/audit";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { passkeys, sessions } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { checkSecondFactor, type FactorProof } from "@/lib/auth/mfa/factor";
import { authenticationOptions, storeChallenge, takeChallenge, verifyAssertion } from "@/lib/auth/mfa/webauthn";
import { confirmCurrentPassword } from "@/lib/auth/reauth";
import type { ProofLevel, SessionContext } from "@/lib/auth/session/sessions";

/**
 * POST /api/auth/reauth (docs/MFA.md "Recent proof"): the person at the keyboard proves again that
 * they own the account — the password, and optionally a second factor — and this session counts as
 * recently authenticated, at that level, for REAUTH_MAX_AGE_SECONDS. Password tries are throttled
 * like change-password, code tries like the second step of sign-in.
 */
export type ReauthProof = FactorProof & { passkey?: { challengeId: string; response: unknown } | undefined };

export async function reauthenticate(actor: Actor, session: SessionContext, password: string, proof: ReauthProof) {
  const { user } = session;
  await confirmCurrentPassword(actor, user, password, "reauth");
  let level: ProofLevel = "password";
  if (proof.passkey) {
    await checkReauthPasskey(actor, user.id, proof.passkey);
    level = "password+factor";
  } else if (proof.code !== undefined || proof.recoveryCode !== undefined) {
    await checkSecondFactor(actor, user, proof, { during: "reauth" });
    level = "password+factor";
  }
  const db = await getDb();
  const [row] = await db
    .update(sessions)
    .set({ reauthAt: sql`now()`, reauthLevel: level })
    .where(eq(sessions.id, session.sessionId))
    .returning({ until: sql<string>`${sessions.reauthAt} + make_interval(secs => ${config().REAUTH_MAX_AGE_SECONDS})` });
  await audit("reauthenticated", actor, user.id, { level });
  return { reauthenticatedUntil: new Date(row!.until).toISOString(), level };
}

/** POST /api/auth/reauth/passkey/options: an assertion challenge limited to this account's passkeys. */
export async function reauthPasskeyOptions(session: SessionContext) {
  const db = await getDb();
  const keys = await db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, session.user.id));
  if (keys.length === 0) throw new AppError("PASSKEY_FAILED", { message: "This account has no passkey." });
  const options = await authenticationOptions(keys);
  const challengeId = await storeChallenge(db, "reauth", session.user.id, options.challenge);
  return { challengeId, options };
}

async function checkReauthPasskey(actor: Actor, userId: string, passkey: { challengeId: string; response: unknown }) {
  const db = await getDb();
  try {
    const challenge = await takeChallenge(db, passkey.challengeId, "reauth", userId);
    await verifyAssertion(db, passkey.response, challenge, { userId, requireUserVerification: false });
  } catch (e) {
    await audit("mfa_failed", actor, userId, { method: "passkey", during: "reauth" });
    throw e;
  }
}
