import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/http/actor";
import { sendCode } from "@/lib/auth/codes";
import { requireCodeEmail } from "@/lib/auth/throttle/code-email";
import { findUserByEmail } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { signups } from "@/lib/db/schema";

/**
 * POST /api/auth/resend-otp (docs/RULES.md "Resend"): a fresh signup code (voiding the previous one)
 * when the email belongs to an unverified account. The answer and the throttling are the same
 * whether or not it does, and no answer waits on SMTP. The code is written in the language of the
 * newest sign-up of the address (docs/I18N.md "Emails"), which may be newer than the account row.
 */
export async function resendSignupCode(actor: Actor, email: string): Promise<void> {
  await requireCodeEmail("signup", email);
  const db = await getDb();
  const user = await findUserByEmail(db, email);
  if (!user || user.emailVerifiedAt) return;
  const [newest] = await db
    .select({ locale: signups.locale })
    .from(signups)
    .where(eq(signups.userId, user.id))
    .orderBy(desc(signups.createdAt), desc(signups.id))
    .limit(1);
  const locale = newest?.locale ?? user.locale;
  await db.transaction((tx) => sendCode(tx, { purpose: "signup", user, to: email, actor, locale }));
}
