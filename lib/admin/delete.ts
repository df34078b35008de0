import "server-only";
import type { SignedInActor } from "@/lib/http/actor";
import { createHash } from "node:crypto";
import { auditInsert } from "@/lib/audit";
import { eraseAccount } from "@/lib/auth/erase";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { lockAccounts } from "./guard";
import { actorChangedRefusal, deleteRefusal, mayDeleteAccounts, refuse } from "./policy";

export const emailSha256 = (email: string) => createHash("sha256").update(email).digest("hex");

/**
 * DELETE /api/users/{id} (superadmin only): the account and everything it owns go in ONE
 * transaction (lib/auth/erase.ts says what goes and what stays).
 * What stays is the audit trail: a `user_deleted` event with the admin, the target id (as its userId
 * and in `detail`) and a SHA-256 of the email —
 * enough to answer "was this address's account deleted, and by whom?" without keeping the address.
 */
export async function deleteUser(actor: SignedInActor, targetId: string): Promise<void> {
  const admin = actor.user; // the admin acting, re-read under lock below
  if (!mayDeleteAccounts(admin)) refuse("superadmin_only");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { target, actorNow: adminNow, activeSuperadmins } = await lockAccounts(tx, admin.id, targetId);
    if (!target) throw notFound();
    refuse(deleteRefusal(admin, target, activeSuperadmins));
    refuse(actorChangedRefusal(admin, adminNow));

    await auditInsert(
      tx,
      "user_deleted",
      actor,
      target.id,
      { targetId: target.id, emailSha256: emailSha256(target.email), role: target.role, verified: Boolean(target.emailVerifiedAt) },
      admin.id,
    );
    await eraseAccount(tx, target);
  });
}
