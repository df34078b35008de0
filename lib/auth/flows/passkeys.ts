import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, asc, eq, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { mfaRecoveryCodes, passkeys, type User, users } from "@/lib/db/schema";
import { notFound } from "@/lib/http/app-error";
import { enqueueMail } from "@/lib/mail/queue";
import { passkeyAddedEmail, passkeyRemovedEmail } from "@/lib/mail/mfa-templates";
import { replaceRecoveryCodes } from "@/lib/auth/mfa/recovery";
import { clearFactorsIfNoneLeft } from "@/lib/auth/mfa/state";
import { registrationOptions, verifyRegistration } from "@/lib/auth/mfa/webauthn";
import type { FactorProof } from "@/lib/auth/mfa/factor";
import { confirmPasswordAndFactor, proofNeededFor, requireRecentProof } from "@/lib/auth/reauth";
import { createSession, endAllSessions, type SessionContext } from "@/lib/auth/session/sessions";
import { loadPublicUser } from "@/lib/auth/users";

/** Passkeys on /account (docs/MFA.md "Passkeys"): register, list, rename, remove. */

const listShape = { id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt };

export async function listPasskeys(user: User) {
  const db = await getDb();
  return db.select(listShape).from(passkeys).where(eq(passkeys.userId, user.id)).orderBy(asc(passkeys.createdAt));
}

/**
 * POST /api/auth/passkeys/options → { challengeId, options } for navigator.credentials.create.
 * Adding a passkey needs a recent proof (docs/MFA.md "Recent proof"): a passkey signs in without
 * the password, so a stolen session must not be able to plant one.
 */
export async function startPasskeyRegistration(session: SessionContext) {
  requireRecentProof(session, proofNeededFor(session.user));
  return registrationOptions(await getDb(), session.user);
}

/**
 * POST /api/auth/passkeys: stores the new passkey. It is a second factor from now on; when it is the
 * account's first factor, ten recovery codes are made too and returned this once (a lost phone must
 * not lock the owner out). Emailed and audited in the same transaction.
 */
export async function registerPasskey(actor: Actor, session: SessionContext, challengeId: string, response: unknown, name: string | undefined) {
  const { user } = session;
  requireRecentProof(session, proofNeededFor(user));
  const db = await getDb();
  const credential = await verifyRegistration(db, user.id, challengeId, response);
  return db.transaction(async (tx) => {
    const count = await tx.select({ n: sql<number>`count(*)::int` }).from(passkeys).where(eq(passkeys.userId, user.id));
    const label = name ?? `Passkey ${Number(count[0]?.n ?? 0) + 1}`;
    const [key] = await tx.insert(passkeys).values({ userId: user.id, name: label, ...credential }).returning(listShape);
    await tx.update(users).set({ mfaEnabledAt: sql`coalesce(${users.mfaEnabledAt}, now())`, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    const [anyCode] = await tx.select({ id: mfaRecoveryCodes.id }).from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id)).limit(1);
    const recoveryCodes = anyCode ? undefined : await replaceRecoveryCodes(tx, user.id);
    await enqueueMail(tx, passkeyAddedEmail(user.email, label, user.locale), { userId: user.id });
    await auditInsert(tx, "passkey_added", actor, user.id, { passkeyId: key!.id });
    return { passkey: key!, ...(recoveryCodes ? { recoveryCodes } : {}) };
  });
}

export async function renamePasskey(actor: Actor, user: User, id: string, name: string) {
  const db = await getDb();
  const [key] = await db.update(passkeys).set({ name }).where(and(eq(passkeys.id, id), eq(passkeys.userId, user.id))).returning(listShape);
  if (!key) throw notFound();
  await auditInsert(db, "passkey_renamed", actor, user.id, { passkeyId: id });
  return key;
}

/**
 * DELETE /api/auth/passkeys/{id} { password, code? | recoveryCode? }: like turning the app off, it
 * needs the password and a second factor (in the body, or a recent password+factor proof, which is
 * how the passkey itself can vouch), and ends every other session; this device gets a fresh one.
 * With no factor left, the recovery codes go.
 */
export async function removePasskey(actor: Actor, session: SessionContext, id: string, password: string, proof: FactorProof) {
  const { user } = session;
  const db = await getDb();
  const [existing] = await db.select({ id: passkeys.id }).from(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, user.id)));
  if (!existing) throw notFound();
  await confirmPasswordAndFactor(actor, session, password, proof, { need: "password+factor", during: "passkey_remove" });
  const { updated, fresh } = await db.transaction(async (tx) => {
    const [gone] = await tx.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, user.id))).returning({ name: passkeys.name });
    if (!gone) throw notFound();
    await clearFactorsIfNoneLeft(tx, user.id);
    await endAllSessions(tx, user.id);
    const [u] = await tx.select().from(users).where(eq(users.id, user.id));
    await enqueueMail(tx, passkeyRemovedEmail(u!.email, gone.name, u!.locale), { userId: user.id });
    const fresh = await createSession(tx, u!, actor, "password+factor");
    await auditInsert(tx, "passkey_removed", actor, user.id, { passkeyId: id });
    return { updated: u!, fresh };
  });
  return { user: await loadPublicUser(db, updated), ...fresh };
}
