import "server-only";
import { config } from "@/lib/config";
import type { CodePurpose } from "@/lib/db/schema";
import { clearThrottle, hit } from "@/lib/auth/throttle/counters";

/**
 * SPEC §2 "resend": one code email per 60 s per email + purpose, at most 5 per hour. Keyed by the
 * email, not the account, so unknown emails are throttled exactly like known ones.
 */
const cooldownKey = (purpose: CodePurpose, email: string) => `code-cooldown:${purpose}:${email}`;
const hourKey = (purpose: CodePurpose, email: string) => `code-hour:${purpose}:${email}`;

export async function claimCodeEmail(purpose: CodePurpose, email: string): Promise<{ ok: boolean; retryAfter: number }> {
  const cfg = config();
  const cooldown = await hit(cooldownKey(purpose, email), 1, cfg.RESEND_COOLDOWN_SECONDS);
  if (!cooldown.ok) return cooldown;
  return hit(hourKey(purpose, email), cfg.RESEND_MAX_PER_HOUR, 3600);
}

/** After a failed delivery the cooldown is handed back, so a resend works as soon as SMTP does. */
export async function releaseCodeCooldown(purpose: CodePurpose, email: string): Promise<void> {
  await clearThrottle(cooldownKey(purpose, email));
}
