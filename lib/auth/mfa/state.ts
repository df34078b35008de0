import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mfaRecoveryCodes, mfaTotp, passkeys, users } from "@/lib/db/schema";

/**
 * users.mfa_enabled_at mirrors "has at least one confirmed factor" (a confirmed TOTP or a passkey).
 * After a factor is removed this re-derives it; with none left the recovery codes go too, because
 * they only stand in for a factor that no longer exists.
 */
export async function clearFactorsIfNoneLeft(tx: Db, userId: string): Promise<void> {
  const [totp] = await tx.select({ id: mfaTotp.userId }).from(mfaTotp).where(and(eq(mfaTotp.userId, userId), isNotNull(mfaTotp.confirmedAt)));
  const [key] = await tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)).limit(1);
  if (totp || key) return;
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.update(users).set({ mfaEnabledAt: null, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

/** What the account has, for GET /api/auth/mfa and the account page. */
export async function factorSummary(db: Db, userId: string) {
  const [totp] = await db.select({ confirmedAt: mfaTotp.confirmedAt }).from(mfaTotp).where(eq(mfaTotp.userId, userId));
  const [left] = await db
    .select({ n: sql<number>`count(*) filter (where ${mfaRecoveryCodes.usedAt} is null)::int` })
    .from(mfaRecoveryCodes)
    .where(eq(mfaRecoveryCodes.userId, userId));
  const [keys] = await db.select({ n: sql<number>`count(*)::int` }).from(passkeys).where(eq(passkeys.userId, userId));
  return {
    totp: Boolean(totp?.confirmedAt),
    totpSetupPending: Boolean(totp && !totp.confirmedAt),
    recoveryCodesLeft: Number(left?.n ?? 0),
    passkeys: Number(keys?.n ?? 0),
  };
}
