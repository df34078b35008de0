import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { mfaRecoveryCodes, mfaTotp, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { enqueueMail } from "@/lib/mail/queue";
import { totpDisabledEmail, totpEnabledEmail } from "@/lib/mail/mfa-templates";
import { checkSecondFactor, type FactorProof } from "@/lib/auth/mfa/factor";
import { sealSecret } from "@/lib/auth/mfa/crypto";
import { clearFactorsIfNoneLeft } from "@/lib/auth/mfa/state";
import { replaceRecoveryCodes } from "@/lib/auth/mfa/recovery";
import { newTotpSecret, otpauthUri, qrDataUrl } from "@/lib/auth/mfa/totp";
import { confirmPasswordAndFactor, proofNeededFor, requireRecentProof } from "@/lib/auth/reauth";
import { createSession, endAllSessions, type SessionContext } from "@/lib/auth/session/sessions";
import { loadPublicUser } from "@/lib/auth/users";

/**
 * The authenticator app (docs/MFA.md "TOTP"): set-up → confirm with a first code → (sign-ins) → off.
 * A set-up replaces any earlier unconfirmed one; a confirmed app must be turned off before another
 * is set up, so a stolen session cannot silently swap the owner's authenticator for its own.
 */

async function hasConfirmedTotp(userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ userId: mfaTotp.userId }).from(mfaTotp).where(and(eq(mfaTotp.userId, userId), isNotNull(mfaTotp.confirmedAt)));
  return Boolean(row);
}

/**
 * POST /api/auth/mfa/totp/setup: a fresh secret (stored sealed, unconfirmed), its otpauth URI and a
 * QR code. Like every new factor it needs a recent proof (docs/MFA.md "Recent proof").
 */
export async function startTotpSetup(session: SessionContext) {
  const { user } = session;
  if (await hasConfirmedTotp(user.id)) throw new AppError("MFA_ALREADY_ENABLED");
  requireRecentProof(session, proofNeededFor(user));
  const secret = newTotpSecret();
  const values = { userId: user.id, secretEnc: sealSecret(secret, user.id), confirmedAt: null, lastStep: null, createdAt: sql`now()` };
  const db = await getDb();
  await db.insert(mfaTotp).values(values).onConflictDoUpdate({ target: mfaTotp.userId, set: values, setWhere: sql`${mfaTotp.confirmedAt} is null` });
  const uri = otpauthUri(secret, user.email);
  return { secret, otpauthUri: uri, qrCode: await qrDataUrl(uri) };
}

/**
 * POST /api/auth/mfa/totp/confirm: the first code proves the app holds the secret. Then, together:
 * the app is live, the account counts as having a second factor, the owner is emailed and the event
 * audited. Ten recovery codes are made only when the account has none, and returned this once:
 * adding a factor never replaces the owner's codes (whoever added it would hold the only set).
 */
export async function confirmTotpSetup(actor: Actor, session: SessionContext, code: string) {
  const { user } = session;
  if (await hasConfirmedTotp(user.id)) throw new AppError("MFA_ALREADY_ENABLED");
  requireRecentProof(session, proofNeededFor(user));
  const db = await getDb();
  const [pending] = await db.select({ userId: mfaTotp.userId }).from(mfaTotp).where(eq(mfaTotp.userId, user.id));
  if (!pending) throw new AppError("MFA_SETUP_NOT_STARTED");
  await checkSecondFactor(actor, user, { code }, { which: "pending", during: "totp_setup" });
  const recoveryCodes = await db.transaction(async (tx) => {
    await tx.update(mfaTotp).set({ confirmedAt: sql`now()` }).where(eq(mfaTotp.userId, user.id));
    await tx.update(users).set({ mfaEnabledAt: sql`coalesce(${users.mfaEnabledAt}, now())`, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    const [anyCode] = await tx.select({ id: mfaRecoveryCodes.id }).from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id)).limit(1);
    const codes = anyCode ? undefined : await replaceRecoveryCodes(tx, user.id);
    await enqueueMail(tx, totpEnabledEmail(user.email, user.locale), { userId: user.id });
    await auditInsert(tx, "mfa_totp_enabled", actor, user.id);
    return codes;
  });
  return recoveryCodes ? { recoveryCodes } : {};
}

/**
 * POST /api/auth/mfa/totp/disable: needs the password and a second factor (a current code or a
 * recovery code in the body, or a recent password+factor proof), so a stolen session alone cannot
 * remove the factor. Every other session ends (tokenVersion bump) and this device gets a fresh one,
 * as after a password change.
 */
export async function disableTotp(actor: Actor, session: SessionContext, password: string, proof: FactorProof) {
  const { user } = session;
  if (!(await hasConfirmedTotp(user.id))) throw new AppError("MFA_NOT_ENABLED");
  await confirmPasswordAndFactor(actor, session, password, proof, { need: "password+factor", during: "totp_disable" });
  const db = await getDb();
  const { updated, fresh } = await db.transaction(async (tx) => {
    await tx.delete(mfaTotp).where(eq(mfaTotp.userId, user.id));
    await clearFactorsIfNoneLeft(tx, user.id);
    await endAllSessions(tx, user.id);
    const [u] = await tx.select().from(users).where(eq(users.id, user.id));
    await enqueueMail(tx, totpDisabledEmail(u!.email, u!.locale), { userId: user.id });
    const fresh = await createSession(tx, u!, actor, "password+factor");
    await auditInsert(tx, "mfa_totp_disabled", actor, user.id, { sessionId: fresh.sessionId });
    return { updated: u!, fresh };
  });
  return { user: await loadPublicUser(db, updated), ...fresh };
}
