import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { audit } from "@/lib/audit";
import { checkCode, sendCode, voidCodes } from "@/lib/auth/codes";
import type { FactorProof } from "@/lib/auth/mfa/factor";
import { confirmPasswordAndFactor, proofNeededFor } from "@/lib/auth/reauth";
import type { SessionContext } from "@/lib/auth/session/sessions";
import { requireCodeEmail } from "@/lib/auth/throttle/code-email";
import { enforce } from "@/lib/http/rate-limit";
import { findUserByEmail, isUniqueViolation, loadPublicUser } from "@/lib/auth/users";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { type User, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { enqueueMail } from "@/lib/mail/queue";
import { emailChangedEmail } from "@/lib/mail/templates";
import { msg } from "@/lib/validation/messages";

/**
 * POST /api/auth/change-email/request (docs/RULES.md "API: passwords and email"). The current
 * password is checked before anything about the new address is said, so a stolen session cannot
 * probe which emails have accounts. Only a verified account holds an address: an unverified signup
 * never blocks the real owner (docs/RULES.md "Unverified accounts") and is removed when this change
 * is confirmed. The code is bound to the account and the pending address (it is part of the HMAC),
 * and a newer request replaces it, so a code sent to an earlier address cannot confirm a later one.
 */
export async function requestEmailChange(actor: Actor, session: SessionContext, newEmail: string, currentPassword: string, proof: FactorProof) {
  const { user } = session;
  if (newEmail === user.email) {
    throw new AppError("VALIDATION_FAILED", { fields: { newEmail: msg("email.same") } });
  }
  // The address receives reset codes: on an account with a second factor, moving it needs that
  // factor too (docs/MFA.md "Recent proof").
  await confirmPasswordAndFactor(actor, session, currentPassword, proof, { need: proofNeededFor(user), during: "change_email" });

  const db = await getDb();
  const holder = await findUserByEmail(db, newEmail);
  if (holder?.emailVerifiedAt) throw new AppError("EMAIL_TAKEN");

  // Per address: the rule of docs/RULES.md "Resend". Per account too, so one session cannot mail
  // codes to an unlimited list of addresses (one address at a time is all a real user needs).
  await requireCodeEmail("change_email", newEmail);
  await enforce(`email-change-account:${user.id}`, config().RESEND_MAX_PER_HOUR, 3600, "RESEND_TOO_SOON");

  await db.transaction(async (tx) => {
    await sendCode(tx, { purpose: "change_email", user, to: newEmail, target: newEmail, actor, locale: user.locale });
  });
  await audit("email_change_requested", actor, user.id, { newEmail });
}

/**
 * POST /api/auth/change-email/verify. Sessions stay valid: no credential changed, and the user just
 * proved both the password and the new mailbox. Outstanding reset codes and links are voided,
 * because they were sent to the old address, which no longer speaks for the account. The notice to
 * the old address is queued with the change.
 */
export async function verifyEmailChange(actor: Actor, user: User, code: string) {
  const db = await getDb();
  const { target } = await checkCode(db, { purpose: "change_email", user, code, actor });
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
      await enqueueMail(tx, emailChangedEmail(b!.email, a!.email, a!.locale), { userId: user.id });
      return { before: b!, after: a! };
    })
    .catch((e) => {
      if (isUniqueViolation(e)) throw new AppError("EMAIL_TAKEN"); // verified by someone else meanwhile
      throw e;
    });

  await audit("email_changed", actor, user.id, { from: before.email, to: after.email });
  return loadPublicUser(db, after);
}
