import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type User, users } from "@/lib/db/schema";

/**
 * The rows every admin action decides on (docs/ADMIN.md), locked in the action's own transaction, so
 * two concurrent actions cannot each see a state the other is about to change. The rules themselves
 * are in ./policy.ts.
 */

export type LockedAccount = Pick<User, "id" | "email" | "name" | "role" | "status" | "tokenVersion" | "emailVerifiedAt" | "locale">;

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
      locale: users.locale, // an admin's action writes to the target in the target's language
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
