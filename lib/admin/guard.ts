import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type User, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { isAdminRole } from "@/lib/validation/admin";

/**
 * The rules every admin action obeys (docs/ADMIN.md), decided on rows locked in the action's own
 * transaction, so two concurrent actions cannot each see a state the other is about to change.
 */

export type LockedAccount = Pick<User, "id" | "email" | "name" | "role" | "status" | "tokenVersion" | "emailVerifiedAt">;
export type Actor = Pick<User, "id" | "role" | "tokenVersion">;

/**
 * Locks the actor, the target and every active superadmin, in id order, in ONE statement: a fixed
 * order means two admins acting on each other wait for one another instead of deadlocking. Under
 * READ COMMITTED a row that changed while we waited is re-read, and dropped when it no longer
 * matches: after a concurrent demotion commits, the demoted superadmin is not counted.
 */
export async function lockAccounts(tx: Db, actorId: string, targetId: string) {
  const rows: LockedAccount[] = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      tokenVersion: users.tokenVersion,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(or(inArray(users.id, [actorId, targetId]), and(eq(users.role, "superadmin"), eq(users.status, "active"))))
    .orderBy(users.id)
    .for("update");
  return {
    target: rows.find((r) => r.id === targetId),
    actorNow: rows.find((r) => r.id === actorId),
    activeSuperadmins: rows.filter((r) => r.role === "superadmin" && r.status === "active").map((r) => r.id),
  };
}

/** Admins never touch a superadmin, and only a superadmin makes one. */
export function assertOutranks(actor: Actor, target: LockedAccount, newRole?: User["role"]) {
  if (actor.role === "superadmin") return;
  if (target.role === "superadmin" || newRole === "superadmin") throw new AppError("FORBIDDEN");
}

/**
 * The last active superadmin is never demoted, suspended or deleted: otherwise nobody could ever
 * administer the administrators again (only the command-line tool could).
 */
export function assertSuperadminRemains(target: LockedAccount, after: { role: User["role"]; status: User["status"]; deleted?: boolean }, activeSuperadmins: string[]) {
  const wasActiveSuperadmin = target.role === "superadmin" && target.status === "active";
  const staysActiveSuperadmin = !after.deleted && after.role === "superadmin" && after.status === "active";
  if (wasActiveSuperadmin && !staysActiveSuperadmin && activeSuperadmins.every((id) => id === target.id)) {
    throw new AppError("LAST_SUPERADMIN");
  }
}

/**
 * The actor's authority is re-read under the lock: an admin demoted, suspended or signed out
 * everywhere while this request was in flight no longer acts.
 */
export function assertActorStillAllowed(actor: Actor, actorNow: LockedAccount | undefined) {
  if (!actorNow || actorNow.status !== "active" || actorNow.tokenVersion !== actor.tokenVersion) throw new AppError("FORBIDDEN");
  if (!isAdminRole(actorNow.role) || actorNow.role !== actor.role) throw new AppError("FORBIDDEN");
}
