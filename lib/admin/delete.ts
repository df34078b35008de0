import "server-only";
import type { Actor as ActorContext } from "@/lib/http/actor";
import { createHash } from "node:crypto";
import { auditInsert } from "@/lib/audit";
import { eraseAccount } from "@/lib/auth/erase";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { type Actor, lockAccounts } from "./guard";
import { actorChangedRefusal, deleteRefusal, mayDeleteAccounts, refuse } from "./policy";

export const emailSha256 = (email: string) => createHash("sha256").update(email).digest("hex");

/**
 * DELETE /api/users/{id} (superadmin only): the account and everything it owns go in ONE
 * transaction (lib/auth/erase.ts says what goes and what stays).
 * What stays is the audit trail: a `user_deleted` event with the actor, the target id (as its userId
 * and in `detail`) and a SHA-256 of the email —
 * enough to answer "was this address's account deleted, and by whom?" without keeping the address.
 */
export async function deleteUser(context: ActorContext, actor: Actor, targetId: string): Promise<void> {
  if (!mayDeleteAccounts(actor)) refuse("superadmin_only");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { target, actorNow, activeSuperadmins } = await lockAccounts(tx, actor.id, targetId);
    if (!target) throw notFound();
    refuse(deleteRefusal(actor, target, activeSuperadmins));
    refuse(actorChangedRefusal(actor, actorNow));

    await auditInsert(
      tx,
      "user_deleted",
      context,
      target.id,
      { targetId: target.id, emailSha256: emailSha256(target.email), role: target.role, verified: Boolean(target.emailVerifiedAt) },
      actor.id,
    );
    await eraseAccount(tx, target);
  });
}
