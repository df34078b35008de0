import "server-only";
import { config } from "@/lib/config";
import type { User } from "@/lib/db/schema";

/**
 * The MFA policy (docs/MFA.md "Policy"): accounts whose role is in MFA_REQUIRED_ROLES must have a
 * second factor within MFA_GRACE_DAYS of getting the role (roleSince) or, if they always had it, of
 * the account's creation. Pure: it reads only the user row every request already loads, so the
 * check in requireSession costs no query.
 */
const DAY_MS = 86_400_000;

export type MfaPolicyState = {
  /** The role must have a second factor and the account has none yet. */
  pending: boolean;
  /** Whole days left of the grace period (at least 1 while it lasts); null when nothing is pending. */
  daysLeft: number | null;
  /** The grace period is over: only set-up, sign-out and GET /api/users/me are allowed. */
  overdue: boolean;
};

export const roleRequiresMfa = (role: User["role"]) => config().MFA_REQUIRED_ROLES.includes(role);

export function mfaPolicy(user: Pick<User, "role" | "mfaEnabledAt" | "createdAt" | "roleSince">, now = Date.now()): MfaPolicyState {
  const cfg = config();
  if (user.mfaEnabledAt || !roleRequiresMfa(user.role)) return { pending: false, daysLeft: null, overdue: false };
  const since = Math.max(new Date(user.createdAt).getTime(), user.roleSince ? new Date(user.roleSince).getTime() : 0);
  const left = since + cfg.MFA_GRACE_DAYS * DAY_MS - now;
  if (left <= 0) return { pending: true, daysLeft: 0, overdue: true };
  return { pending: true, daysLeft: Math.ceil(left / DAY_MS), overdue: false };
}
