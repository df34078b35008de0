import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mfaRecoveryCodes } from "@/lib/db/schema";
import { derivedKey } from "@/lib/auth/secrets";

/**
 * Ten one-time recovery codes (docs/MFA.md "Recovery codes"): 10 characters of Crockford-style
 * base32 (50 bits each), shown as `xxxxx-xxxxx`, stored only as HMAC-SHA-256 under a key derived
 * from AUTH_SECRET. Input is normalised (case, dashes, spaces) so a code read aloud still works.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");

const hashRecoveryCode = (userId: string, code: string) =>
  createHmac("sha256", derivedKey("mfa-recovery")).update(`${userId}|${normaliseRecoveryCode(code)}`).digest("hex");

/** Replaces the account's recovery codes with ten new ones and returns them (the only time they exist in clear). */
export async function replaceRecoveryCodes(tx: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.insert(mfaRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(userId, c) })));
  return codes;
}

/** Spends a recovery code: one conditional UPDATE, so parallel uses of one code cannot both win. */
export async function spendRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const spent = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(userId, code)), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  return spent.length === 1;
}

export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}
