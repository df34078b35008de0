import "server-only";
import type { Actor } from "@/lib/http/actor";
import { sendCode } from "@/lib/auth/codes";
import { requireCodeEmail } from "@/lib/auth/throttle/code-email";
import { findUserByEmail } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";

/**
 * POST /api/auth/resend-otp (docs/RULES.md "Resend"): a fresh signup code (voiding the previous one)
 * when the email belongs to an unverified account. The answer and the throttling are the same
 * whether or not it does, and no answer waits on SMTP.
 */
export async function resendSignupCode(actor: Actor, email: string): Promise<void> {
  await requireCodeEmail("signup", email);
  const db = await getDb();
  const user = await findUserByEmail(db, email);
  if (!user || user.emailVerifiedAt) return;
  await db.transaction((tx) => sendCode(tx, { purpose: "signup", user, to: email, actor }));
}
