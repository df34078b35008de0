import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, like, or, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { mailQueue, securityEvents, throttles, users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/http/app-error";
import { type Actor, assertActorStillAllowed, assertSuperadminRemains, lockAccounts } from "./guard";

/** Audit events whose detail names the person (an address, a former name): scrubbed on deletion. */
const PERSONAL_EVENTS = ["email_changed", "email_change_requested", "user_renamed"] as const;

export const emailSha256 = (email: string) => createHash("sha256").update(email).digest("hex");

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * DELETE /api/users/{id} (superadmin only): the account and everything it owns go in ONE
 * transaction. Sessions, codes and the doctor profile (and later records and grants) cascade from
 * the users row; throttle counters and queued or sent mail for the address are removed here.
 * What stays is the audit trail: a `user_deleted` event with the actor, the target id (also in
 * `detail`, since security_events.user_id is set to null with the row) and a SHA-256 of the email —
 * enough to answer "was this address's account deleted, and by whom?" without keeping the address.
 */
export async function deleteUser(request: Request, actor: Actor, targetId: string): Promise<void> {
  if (actor.role !== "superadmin") throw new AppError("FORBIDDEN");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { target, actorNow, activeSuperadmins } = await lockAccounts(tx, actor.id, targetId);
    if (!target) throw notFound();
    assertSuperadminRemains(target, { role: target.role, status: target.status, deleted: true }, activeSuperadmins);
    if (target.id === actor.id) throw new AppError("FORBIDDEN", { message: "You cannot delete your own account here." });
    assertActorStillAllowed(actor, actorNow);

    await tx
      .update(securityEvents)
      .set({ detail: sql`(coalesce(${securityEvents.detail}, '{}'::jsonb) - 'from' - 'to' - 'newEmail' - 'before' - 'after') || '{"redacted": true}'::jsonb` })
      .where(and(eq(securityEvents.userId, target.id), inArray(securityEvents.type, PERSONAL_EVENTS)));
    await auditInsert(
      tx,
      "user_deleted",
      request,
      target.id,
      { targetId: target.id, emailSha256: emailSha256(target.email), role: target.role, verified: Boolean(target.emailVerifiedAt) },
      actor.id,
    );
    await tx
      .delete(throttles)
      .where(or(like(throttles.key, `%:${likeEscape(target.email)}`), like(throttles.key, `%:${target.id}`)));
    // Queued and sent mail holds the address, names and (expired) codes: it goes with the account.
    await tx.delete(mailQueue).where(or(eq(mailQueue.userId, target.id), eq(mailQueue.to, target.email)));
    await tx.delete(users).where(eq(users.id, target.id));
  });
}
