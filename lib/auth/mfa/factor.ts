import "server-only";
import type { Actor } from "@/lib/http/actor";
import { sql } from "drizzle-orm";
import { audit, auditInsert } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { throttles, type User } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { enqueueMail } from "@/lib/mail/queue";
import { recoveryCodeUsedEmail, secondStepFailuresEmail } from "@/lib/mail/mfa-templates";
import { claimLoginAttempt, clearLoginAttempts } from "@/lib/auth/throttle/login";
import { recoveryCodesLeft, spendRecoveryCode } from "./recovery";
import { acceptTotpCode } from "./totp";
import { msg } from "@/lib/validation/messages";

/**
 * Checks a second-factor code of an account: a current TOTP code or an unused recovery code.
 * Every try is claimed first in the sign-in throttle (same back-off and hard stop), in a bucket of
 * its own keyed by account: six digits can be guessed, a password-holder must not get unlimited
 * tries. A success clears the bucket. Used by sign-in, turning the factor off and confirming set-up.
 */
export const mfaKey = (userId: string) => `mfa:${userId}`;

/**
 * Failures in a row after which the owner is told: whoever types them knows the password. At most
 * one such email an hour, so a guesser cannot flood the owner's mailbox.
 */
const WARN_AFTER_FAILURES = 5;
const warnedKey = (userId: string) => `mfa-warned:${userId}`;

async function warnOwner(actor: Actor, user: Pick<User, "id" | "email" | "locale">, failures: number): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(throttles)
      .values({ key: warnedKey(user.id), count: 1, windowStartedAt: sql`now()`, lastAt: sql`now()` })
      .onConflictDoUpdate({
        target: throttles.key,
        set: { count: sql`${throttles.count} + 1`, windowStartedAt: sql`now()`, lastAt: sql`now()` },
        setWhere: sql`${throttles.windowStartedAt} <= now() - interval '1 hour'`,
      })
      .returning({ key: throttles.key });
    if (!claimed) return;
    await enqueueMail(tx, secondStepFailuresEmail(user.email, failures, user.locale), { userId: user.id });
    await auditInsert(tx, "mfa_failures_notified", actor, user.id, { failures });
  });
}

export type FactorProof = { code?: string | undefined; recoveryCode?: string | undefined };

export async function checkSecondFactor(
  actor: Actor,
  user: Pick<User, "id" | "email" | "locale">,
  proof: FactorProof,
  opts: { which?: "confirmed" | "pending"; during: string },
): Promise<"totp" | "recovery"> {
  const attempts = await claimLoginAttempt(user.id, mfaKey);
  const db = await getDb();
  const method = proof.code !== undefined ? "totp" : "recovery";
  const ok =
    proof.code !== undefined
      ? await acceptTotpCode(db, user.id, proof.code, opts.which ?? "confirmed")
      : proof.recoveryCode !== undefined && opts.which !== "pending" && (await spendRecoveryCode(db, user.id, proof.recoveryCode));
  if (!ok) {
    await audit("mfa_failed", actor, user.id, { method, during: opts.during });
    if (attempts >= WARN_AFTER_FAILURES) await warnOwner(actor, user, attempts);
    throw new AppError("INVALID_MFA_CODE", { fields: { [method === "totp" ? "code" : "recoveryCode"]: msg("code.wrong") } });
  }
  await clearLoginAttempts(user.id, mfaKey);
  if (method === "recovery") {
    const left = await recoveryCodesLeft(db, user.id);
    await db.transaction(async (tx) => {
      await enqueueMail(tx, recoveryCodeUsedEmail(user.email, left, user.locale), { userId: user.id });
      await auditInsert(tx, "mfa_recovery_code_used", actor, user.id, { left, during: opts.during });
    });
  }
  return method;
}
