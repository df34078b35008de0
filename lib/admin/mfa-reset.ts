import "server-only";
import type { SignedInActor } from "@/lib/http/actor";
import { eq, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { mfaChallenges, mfaRecoveryCodes, mfaTotp, passkeys, throttles, users } from "@/lib/db/schema";
import { notFound } from "@/lib/http/app-error";
import { enqueueMail } from "@/lib/mail/queue";
import { mfaResetEmail } from "@/lib/mail/mfa-templates";
import { mfaKey } from "@/lib/auth/mfa/factor";
import { endAllSessions } from "@/lib/auth/session/sessions";
import { lockAccounts } from "./guard";
import { actorChangedRefusal, factorResetRefusal, refuse } from "./policy";

/**
 * POST /api/users/{id}/mfa/reset (admins): for someone who lost their phone and their recovery codes.
 * Removes every factor (app, passkeys, recovery codes, half-finished sign-ins, the count of failed
 * codes) and ends every session, in one transaction with the owner's email and the audit event
 * naming the admin. It obeys the rules of every admin action (docs/ADMIN.md, ./policy.ts), on rows
 * locked in the same transaction: admins never act on a superadmin, an admin demoted or signed out meanwhile no
 * longer acts, and nobody resets their own factors here — that would skip the password-and-code
 * check of turning a factor off (docs/MFA.md "Turning off, removing, resetting"). The grace period is
 * not restarted: a user whose role needs a factor must set one up at next sign-in.
 */
export async function resetUserMfa(actor: SignedInActor, targetId: string) {
  const admin = actor.user; // the admin acting, re-read under lock below
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { target, actorNow: adminNow } = await lockAccounts(tx, admin.id, targetId);
    if (!target) throw notFound();
    refuse(factorResetRefusal(admin, target));
    refuse(actorChangedRefusal(admin, adminNow));
    const [totp] = await tx.delete(mfaTotp).where(eq(mfaTotp.userId, targetId)).returning({ confirmedAt: mfaTotp.confirmedAt });
    const keys = await tx.delete(passkeys).where(eq(passkeys.userId, targetId)).returning({ id: passkeys.id });
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, targetId));
    await tx.delete(mfaChallenges).where(eq(mfaChallenges.userId, targetId));
    await tx.delete(throttles).where(eq(throttles.key, mfaKey(targetId)));
    await tx.update(users).set({ mfaEnabledAt: null, updatedAt: sql`now()` }).where(eq(users.id, targetId));
    await endAllSessions(tx, targetId);
    await enqueueMail(tx, mfaResetEmail(target.email, target.locale), { userId: targetId });
    await auditInsert(tx, "mfa_reset", actor, targetId, { totp: Boolean(totp?.confirmedAt), passkeys: keys.length }, admin.id);
  });
}
