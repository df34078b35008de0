import "server-only";
import { getDb } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { mfaPolicy, roleRequiresMfa } from "@/lib/auth/mfa/policy";
import { factorSummary } from "@/lib/auth/mfa/state";

/** GET /api/auth/mfa: which factors the caller has and where they stand with the policy. */
export async function getMfaStatus(user: User) {
  const policy = mfaPolicy(user);
  return {
    ...(await factorSummary(await getDb(), user.id)),
    enabled: Boolean(user.mfaEnabledAt),
    required: roleRequiresMfa(user.role),
    graceDaysLeft: policy.daysLeft,
    setupRequired: policy.overdue,
  };
}
