import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { type User, users } from "@/lib/db/schema";
import { emailChangeCodeEmail, emailChangedEmail } from "@/lib/mail/templates";
import { sendEmail } from "@/lib/mail/send";
import { AppError, tooMany } from "@/lib/http/app-error";
import { audit } from "@/lib/audit";
import { claimCodeEmail, releaseCodeCooldown } from "@/lib/auth/throttle/code-email";
import { consumeCode, issueCode, voidCodes } from "@/lib/auth/codes/store";
import { sendNotice } from "@/lib/mail/send";
import { confirmCurrentPassword } from "@/lib/auth/reauth";
import { enforce } from "@/lib/auth/throttle/counters";
import { findUserByEmail, isUniqueViolation, loadPublicUser } from "@/lib/auth/users";

/**
 * POST /api/auth/change-email/request (SPEC §3). The current password is checked before anything
 * about the new address is said, so a stolen session cannot probe which emails have accounts.
 * Only a verified account holds an address: an unverified signup never blocks the real owner
 * (SPEC §1) and is removed when this change is confirmed. The code is bound to the account and the
 * pending address (it is part of the HMAC), and a newer request replaces it, so a code sent to an
 * earlier address cannot confirm a later one.
 */
export async function requestEmailChange(request: Request, user: User, newEmail: string, currentPassword: string) {
  if (newEmail === user.email) {
    throw new AppError("VALIDATION_FAILED", { fields: { newEmail: "This is already your email address." } });
  }
  await confirmCurrentPassword(request, user, currentPassword, "change_email");

  const db = await getDb();
  const holder = await findUserByEmail(db, newEmail);
  if (holder?.emailVerifiedAt) throw new AppError("EMAIL_TAKEN");

  // Per address: the resend rule of SPEC §2. Per account too, so one session cannot mail codes to
  // an unlimited list of addresses (one address at a time is all a real user needs).
  const slot = await claimCodeEmail("change_email", newEmail);
  if (!slot.ok) throw tooMany("RESEND_TOO_SOON", slot.retryAfter);
  await enforce(`email-change-account:${user.id}`, config().RESEND_MAX_PER_HOUR, 3600, "RESEND_TOO_SOON");

  const { code } = await issueCode(db, { userId: user.id, purpose: "change_email", target: newEmail });
  try {
    await sendEmail(emailChangeCodeEmail(newEmail, code));
  } catch (e) {
    await releaseCodeCooldown("change_email", newEmail);
    throw e;
  }
  await audit("email_change_requested", request, user.id, { newEmail });
}

/**
 * POST /api/auth/change-email/verify. The code is consumed outside the transaction (failed guesses
 * stay counted). Sessions stay valid: no credential changed, and the user just proved both the
 * password and the new mailbox. Outstanding reset codes and links are voided, because they were
 * sent to the old address, which no longer speaks for the account.
 */
export async function verifyEmailChange(request: Request, user: User, code: string) {
  const db = await getDb();
  let target: string | null;
  try {
    ({ target } = await consumeCode(db, { userId: user.id, purpose: "change_email", code }));
  } catch (e) {
    if (e instanceof AppError && e.code === "INVALID_CODE") await audit("code_failed", request, user.id, { purpose: "change_email" });
    throw e;
  }
  if (!target) throw new AppError("INVALID_CODE");
  const newEmail = target;

  const { before, after } = await db
    .transaction(async (tx) => {
      const [b] = await tx.select().from(users).where(eq(users.id, user.id)).for("update");
      // An unverified signup holding the address loses it: this user has just proved the mailbox.
      await tx.delete(users).where(and(eq(users.email, newEmail), isNull(users.emailVerifiedAt), ne(users.id, user.id)));
      const [a] = await tx
        .update(users)
        .set({ email: newEmail, emailVerifiedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(users.id, user.id))
        .returning();
      await voidCodes(tx, user.id, "reset");
      return { before: b!, after: a! };
    })
    .catch((e) => {
      if (isUniqueViolation(e)) throw new AppError("EMAIL_TAKEN"); // verified by someone else meanwhile
      throw e;
    });

  await audit("email_changed", request, user.id, { from: before.email, to: after.email });
  // After commit; a failed notice is logged and the change stands (see sendNotice).
  await sendNotice(emailChangedEmail(before.email, after.email));
  return loadPublicUser(db, after);
}
