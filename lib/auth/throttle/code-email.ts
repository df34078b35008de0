import "server-only";
import { config } from "@/lib/config";
import type { CodePurpose } from "@/lib/db/schema";
import { tooMany } from "@/lib/http/app-error";
import { hit } from "@/lib/http/rate-limit";

/**
 * docs/RULES.md "Resend": one code email per 60 s per email + purpose, at most 5 per hour. Keyed by
 * the email, not the account, so unknown emails are throttled exactly like known ones. Claimed
 * before anything is looked up; with the mail queue nothing can fail after the claim, so a claim
 * is never handed back.
 */
const cooldownKey = (purpose: CodePurpose, email: string) => `code-cooldown:${purpose}:${email}`;
const hourKey = (purpose: CodePurpose, email: string) => `code-hour:${purpose}:${email}`;

export async function claimCodeEmail(purpose: CodePurpose, email: string): Promise<{ ok: boolean; retryAfter: number }> {
  const cfg = config();
  const cooldown = await hit(cooldownKey(purpose, email), 1, cfg.RESEND_COOLDOWN_SECONDS);
  if (!cooldown.ok) return cooldown;
  return hit(hourKey(purpose, email), cfg.RESEND_MAX_PER_HOUR, 3600);
}

/** The same claim for flows that answer a spent slot with 429 RESEND_TOO_SOON. */
export async function requireCodeEmail(purpose: CodePurpose, email: string): Promise<void> {
  const slot = await claimCodeEmail(purpose, email);
  if (!slot.ok) throw tooMany("RESEND_TOO_SOON", slot.retryAfter);
}
