import "server-only";
import { and, eq, isNotNull, lte, or, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { type Db, getDb } from "@/lib/db/client";
import { securityEvents, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { emailHmac, eraseAccount } from "@/lib/auth/erase";
import { log } from "@/lib/log";
import { accountDeletedEmail } from "@/lib/mail/account-data-templates";
import { enqueueMail } from "@/lib/mail/queue";
import { assertNotLastSuperadmin } from "./deletion";

/**
 * The deletions whose grace period is over, carried out by the retention job (docs/PRIVACY.md
 * "Deletion"): each account in a transaction of its own, so one large account does not hold every
 * other deletion (or, on PGlite, every request) behind it, and a failure leaves the others done.
 * The row is claimed FOR UPDATE SKIP LOCKED and re-checked, so a "Keep my account" that commits first wins.
 */
const BATCH = 20;

export async function carryOutDueDeletions(db?: Db): Promise<number> {
  const d = db ?? (await getDb());
  const due = await d
    .select({ id: users.id })
    .from(users)
    .where(and(isNotNull(users.deletionScheduledFor), lte(users.deletionScheduledFor, sql`now()`)))
    .orderBy(users.deletionScheduledFor)
    .limit(BATCH);
  let done = 0;
  for (const { id } of due) {
    try {
      if (await deleteOne(d, id)) done++;
    } catch (err) {
      if (err instanceof AppError && err.code === "LAST_SUPERADMIN") log.warn({ userId: id }, "scheduled deletion waits: the account is the last superadmin");
      else log.error({ err, userId: id }, "scheduled deletion failed");
    }
  }
  return done;
}

async function deleteOne(db: Db, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, role: users.role, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, id), lte(users.deletionScheduledFor, sql`now()`)))
      .for("update", { skipLocked: true });
    if (!user) return false;
    await assertNotLastSuperadmin(tx, user.id);
    // The events stay under the account's id; the IP addresses and browsers they recorded, of the
    // account's own actions and of its reads of others' records, go with it.
    await tx
      .update(securityEvents)
      .set({ ip: null, userAgent: null })
      .where(or(eq(securityEvents.userId, user.id), eq(securityEvents.actorId, user.id)));
    await auditInsert(tx, "account_deleted", null, user.id, { emailHmac: emailHmac(user.email), role: user.role, requestedBy: "owner" });
    await eraseAccount(tx, user);
    // Queued after the account's own mail was removed, and tied to no account, so it survives the row.
    await enqueueMail(tx, accountDeletedEmail(user.email, user.locale));
    return true;
  });
}
