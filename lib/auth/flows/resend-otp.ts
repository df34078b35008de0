import "server-only";
import { getDb } from "@/lib/db/client";
import { signupCodeEmail } from "@/lib/mail/templates";
import { sendEmail } from "@/lib/mail/send";
import { tooMany } from "@/lib/http/app-error";
import { audit } from "@/lib/audit";
import { claimCodeEmail, releaseCodeCooldown } from "@/lib/auth/throttle/code-email";
import { issueCode } from "@/lib/auth/codes/store";
import { findUserByEmail } from "@/lib/auth/users";

/**
 * Sends a fresh signup code (voiding the previous one) when the email belongs to an unverified
 * account. The answer and the throttling are the same whether or not it does.
 */
export async function resendSignupCode(request: Request, email: string): Promise<void> {
  const slot = await claimCodeEmail("signup", email);
  if (!slot.ok) throw tooMany("RESEND_TOO_SOON", slot.retryAfter);

  const db = await getDb();
  const user = await findUserByEmail(db, email);
  if (!user || user.emailVerifiedAt) return;

  const { code } = await issueCode(db, { userId: user.id, purpose: "signup" });
  try {
    await sendEmail(signupCodeEmail(email, code));
  } catch (e) {
    await releaseCodeCooldown("signup", email);
    throw e;
  }
  await audit("code_sent", request, user.id, { purpose: "signup", resend: true });
}
