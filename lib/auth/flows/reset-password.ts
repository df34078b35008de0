import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, eq, sql } from "drizzle-orm";
import { type Db, getDb } from "@/lib/db/client";
import { doctorProfiles, signups, type User, users } from "@/lib/db/schema";
import { passwordChangedEmail } from "@/lib/mail/templates";
import { AppError } from "@/lib/http/app-error";
import { audit } from "@/lib/audit";
import { consumeLink, peekLink, voidCodes } from "@/lib/auth/codes";
import { clearLoginAttempts } from "@/lib/auth/throttle/login";
import { assertPasswordPolicy, hashPassword } from "@/lib/auth/passwords";
import { enqueueMail } from "@/lib/mail/queue";
import { reauthKey } from "@/lib/auth/reauth";
import { mfaKey } from "@/lib/auth/mfa/factor";
import { endAllSessions } from "@/lib/auth/session/sessions";

/** A reset link token is 32 random bytes in base64url: exactly 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * POST /api/auth/reset-password/{token}. The link is looked at first, without consuming it, so the
 * new password can be checked against the account's email: a rejected password leaves the link
 * usable. Consuming is one conditional UPDATE (consumeLink), so of many parallel uses exactly one wins.
 */
export async function resetWithLink(actor: Actor, token: string, password: string): Promise<void> {
  if (!TOKEN_SHAPE.test(token)) throw new AppError("INVALID_TOKEN");
  const db = await getDb();
  const peeked = await peekLink(db, "reset", token);
  const owner = peeked && (await loadUser(peeked.userId));
  if (!owner) throw new AppError("INVALID_TOKEN");
  assertPasswordPolicy(password, owner.email, "password");

  // Outside any transaction: consumption must stick even if what follows fails.
  const consumed = await consumeLink(db, "reset", token);
  if (!consumed || consumed.userId !== owner.id) throw new AppError("INVALID_TOKEN");
  await completeReset(actor, owner.id, password, "link");
}

async function loadUser(userId: string): Promise<User | undefined> {
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  return u;
}

/**
 * What a reset does once its code or link has been consumed (docs/RULES.md "API: passwords and email"): set the password, verify the
 * email (the reset proved the mailbox), void any other reset credential, end every session, lift the
 * sign-in and re-authentication throttles (the hard stop lasts "until a password reset") and send
 * the notice (queued in the same transaction). No session is created: the user signs in with the new password.
 */
export async function completeReset(actor: Actor, userId: string, password: string, via: "code" | "link"): Promise<void> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  const user = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!before) throw new AppError(via === "code" ? "INVALID_CODE" : "INVALID_TOKEN");
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    if (!before.emailVerifiedAt && before.role === "doctor") await claimLicence(tx, userId);
    await voidCodes(tx, userId, "reset");
    await endAllSessions(tx, userId);
    await tx.delete(signups).where(eq(signups.userId, userId)); // the reset settled who owns the account
    await enqueueMail(tx, passwordChangedEmail(before.email, before.locale), { userId });
    return before;
  });

  await clearLoginAttempts(user.email);
  await clearLoginAttempts(user.id, reauthKey);
  await clearLoginAttempts(user.id, mfaKey); // the second-factor hard stop lasts until a reset
  await audit("password_reset", actor, user.id, { via, verifiedEmail: !user.emailVerifiedAt });
}

/**
 * Verifying a doctor's email also makes the licence claim count (as verify-otp does), unless a
 * verified doctor already holds that number: then the claim stays unverified for an admin to sort
 * out, rather than failing a reset whose link has already been used.
 */
async function claimLicence(tx: Db, userId: string): Promise<void> {
  const held = sql`exists (select 1 from doctor_profiles d where d.license_number = ${doctorProfiles.licenseNumber} and d.license_verified)`;
  await tx
    .update(doctorProfiles)
    .set({ licenseVerified: true })
    .where(and(eq(doctorProfiles.userId, userId), sql`not ${held}`));
}
