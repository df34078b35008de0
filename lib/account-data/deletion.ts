import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { config } from "@/lib/config";
import { type Db, getDb } from "@/lib/db/client";
import { recordGrants, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { ownDeletionRefusal } from "@/lib/auth/policy";
import { proofNeededFor, requireRecentProof } from "@/lib/auth/reauth";
import { endAllSessions, type SessionContext } from "@/lib/auth/session/sessions";
import { deletionCancelledEmail, deletionScheduledEmail } from "@/lib/mail/account-data-templates";
import { enqueueMail } from "@/lib/mail/queue";

/**
 * Deleting one's own account, with a grace period (docs/PRIVACY.md "Deletion"). Asking for it acts at
 * once on everything that gives access — every session ends and every grant given or received is
 * revoked — because someone who asks to leave expects nobody to go on reading their records; the
 * data itself stays until the retention job carries the deletion out (lib/account-data/carry-out.ts),
 * so a change of mind, or an owner whose session was misused, can still keep the account.
 */

/**
 * The account and every active superadmin, locked in id order, for the rule of lib/auth/policy.ts
 * (a superadmin whose own deletion is scheduled no longer counts as one who remains).
 */
export async function assertNotLastSuperadmin(tx: Db, userId: string): Promise<void> {
  const rows = await tx
    .select({ id: users.id, role: users.role, status: users.status, deletionScheduledFor: users.deletionScheduledFor })
    .from(users)
    .where(or(eq(users.id, userId), and(eq(users.role, "superadmin"), eq(users.status, "active"))))
    .orderBy(users.id)
    .for("update");
  const refused = ownDeletionRefusal(userId, rows);
  if (refused) throw new AppError(refused);
}

/** POST /api/account/deletion → the date it will be carried out. The caller clears the session cookie. */
export async function scheduleDeletion(actor: Actor, session: SessionContext): Promise<{ scheduledFor: Date }> {
  const { user } = session;
  requireRecentProof(session, proofNeededFor(user));
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertNotLastSuperadmin(tx, user.id);
    const [row] = await tx
      .update(users)
      .set({ deletionScheduledFor: sql`now() + make_interval(secs => ${config().DELETION_GRACE_SECONDS})` })
      .where(eq(users.id, user.id))
      .returning({ scheduledFor: users.deletionScheduledFor, email: users.email, locale: users.locale });
    const scheduledFor = row!.scheduledFor!;
    await endAllSessions(tx, user.id);
    const revoked = await tx
      .update(recordGrants)
      .set({ revokedAt: sql`now()` })
      .where(and(or(eq(recordGrants.patientId, user.id), eq(recordGrants.doctorId, user.id)), isNull(recordGrants.revokedAt)))
      .returning({ id: recordGrants.id });
    await auditInsert(tx, "deletion_scheduled", actor, user.id, { scheduledFor: scheduledFor.toISOString(), grantsRevoked: revoked.map((g) => g.id) });
    await enqueueMail(tx, deletionScheduledEmail(row!.email, scheduledFor, row!.locale), { userId: user.id });
    return { scheduledFor };
  });
}

/**
 * DELETE /api/account/deletion: keeps the account. Grants revoked when the deletion was asked for
 * stay revoked — sharing again is a choice the owner makes anew. Cancelling when nothing is
 * scheduled changes nothing and still answers 200.
 */
export async function cancelDeletion(actor: Actor, session: SessionContext): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ deletionScheduledFor: null })
      .where(and(eq(users.id, session.user.id), isNotNull(users.deletionScheduledFor)))
      .returning({ email: users.email, locale: users.locale });
    if (!row) return;
    await auditInsert(tx, "deletion_cancelled", actor, session.user.id);
    await enqueueMail(tx, deletionCancelledEmail(row.email, row.locale), { userId: session.user.id });
  });
}
