import "server-only";
import { AppError } from "@/lib/http/app-error";
import { isAdminRole, type Role } from "@/lib/validation/admin";

/**
 * Who may administer whom (docs/ADMIN.md "Who may do what"), decided from plain values: the acting
 * user's `{ id, role }` and the target's `{ id, role, status }`, however the caller came by them.
 * Every rule answers `null` (allowed) or a reason; `refuse(reason)` turns a reason into the API's
 * answer. The services hand these rules rows they locked in their own transaction
 * (lib/admin/guard.ts), so two concurrent actions cannot both pass on a state the other changes.
 * A route contract's `roles` is only the coarse gate in front of these rules.
 */

export type AccountStatus = "active" | "suspended";
export type AdminActor = { id: string; role: Role };
export type AdminTarget = { id: string; role: Role; status: AccountStatus };

export type AdminRefusal =
  | "superadmin_only"
  | "outranked"
  | "last_superadmin"
  | "own_role"
  | "own_status"
  | "own_account"
  | "own_factors"
  | "actor_changed";

const ANSWERS: Record<AdminRefusal, { code: "FORBIDDEN" | "LAST_SUPERADMIN"; message?: string }> = {
  superadmin_only: { code: "FORBIDDEN" },
  outranked: { code: "FORBIDDEN" },
  last_superadmin: { code: "LAST_SUPERADMIN" },
  own_role: { code: "FORBIDDEN", message: "You cannot change your own role." },
  own_status: { code: "FORBIDDEN", message: "You cannot suspend your own account." },
  own_account: { code: "FORBIDDEN", message: "You cannot delete your own account here." },
  own_factors: { code: "FORBIDDEN", message: "Turn off your own factors from your account page." },
  actor_changed: { code: "FORBIDDEN" },
};

/** The API's answer to a refusal: 403 FORBIDDEN (with a message for the self rules) or 409 LAST_SUPERADMIN. */
export function refusalError(reason: AdminRefusal): AppError {
  const { code, message } = ANSWERS[reason];
  return new AppError(code, message ? { message } : {});
}

export function refuse(reason: AdminRefusal | null): void {
  if (reason) throw refusalError(reason);
}

/**
 * Admins and superadmins administer: list and read users, read the audit trail, approve or reject
 * doctors, rename, suspend, change roles, reset factors. The admin pages show nothing to anyone else.
 */
export const mayAdminister = (actor: { role: Role }) => isAdminRole(actor.role);

/** Deleting an account outright is a superadmin's alone. */
export const mayDeleteAccounts = (actor: { role: Role }) => actor.role === "superadmin";

/** superadmin > admin > doctor, patient; an admin may act on another admin, never above themself. */
const RANK: Record<Role, number> = { patient: 0, doctor: 0, admin: 1, superadmin: 2 };

/** The actor administers and ranks at least as high as the target, and as the role it would be given. */
export function outranks(actor: { role: Role }, target: { role: Role }, newRole?: Role): boolean {
  if (!mayAdminister(actor)) return false;
  return RANK[actor.role] >= RANK[target.role] && (newRole === undefined || RANK[actor.role] >= RANK[newRole]);
}

/**
 * The last active superadmin is never demoted, suspended or deleted: otherwise nobody could ever
 * administer the administrators again (only the command-line tool could). `activeSuperadmins` are
 * the ids of every active superadmin, read under the same lock.
 */
export function lastSuperadminRefusal(
  target: AdminTarget,
  after: { role: Role; status: AccountStatus } | "deleted",
  activeSuperadmins: readonly string[],
): AdminRefusal | null {
  const wasActiveSuperadmin = target.role === "superadmin" && target.status === "active";
  const staysActiveSuperadmin = after !== "deleted" && after.role === "superadmin" && after.status === "active";
  const othersRemain = activeSuperadmins.some((id) => id !== target.id);
  return wasActiveSuperadmin && !staysActiveSuperadmin && !othersRemain ? "last_superadmin" : null;
}

/**
 * PATCH /api/users/{id}: a change of name, role, status or approval; `after` is the role and status
 * the target would have. The last-superadmin rule comes before the self rules, so the sole
 * superadmin demoting themselves learns the real reason (409).
 */
export function changeRefusal(
  actor: AdminActor,
  target: AdminTarget,
  after: { role: Role; status: AccountStatus },
  activeSuperadmins: readonly string[],
): AdminRefusal | null {
  if (!outranks(actor, target, after.role)) return "outranked";
  const last = lastSuperadminRefusal(target, after, activeSuperadmins);
  if (last) return last;
  if (target.id === actor.id && after.role !== target.role) return "own_role";
  if (target.id === actor.id && after.status !== target.status) return "own_status";
  return null;
}

/** DELETE /api/users/{id}: superadmins only, never the last active superadmin, never themself. */
export function deleteRefusal(actor: AdminActor, target: AdminTarget, activeSuperadmins: readonly string[]): AdminRefusal | null {
  if (!mayDeleteAccounts(actor)) return "superadmin_only";
  return lastSuperadminRefusal(target, "deleted", activeSuperadmins) ?? (target.id === actor.id ? "own_account" : null);
}

/**
 * POST /api/users/{id}/mfa/reset: nobody resets their own factors here — that would skip the
 * password-and-code check of turning a factor off (docs/MFA.md "Turning off, removing, resetting")
 * — and admins never reset a superadmin's.
 */
export function factorResetRefusal(actor: AdminActor, target: { id: string; role: Role }): AdminRefusal | null {
  if (target.id === actor.id) return "own_factors";
  return outranks(actor, target) ? null : "outranked";
}

/**
 * The actor's authority as re-read under the lock (`now`, undefined when the account is gone): an
 * admin demoted, suspended or signed out everywhere while the request was in flight no longer acts.
 */
export function actorChangedRefusal(
  actor: { role: Role; tokenVersion: number },
  now: { role: Role; status: AccountStatus; tokenVersion: number } | undefined,
): AdminRefusal | null {
  if (!now || now.status !== "active" || now.tokenVersion !== actor.tokenVersion) return "actor_changed";
  return mayAdminister(now) && now.role === actor.role ? null : "actor_changed";
}
