import "server-only";
import type { User } from "@/lib/db/schema";
import { sendEmail } from "@/lib/email/send";
import type { Message } from "@/lib/email/transport";
import { AppError } from "@/lib/http/app-error";
import { audit } from "./audit";
import { claimLoginAttempt, clearLoginAttempts } from "./login-throttle";
import { verifyPassword } from "./passwords";

/**
 * Re-entering the current password (change-password, change-email). Someone holding a stolen
 * session could otherwise guess the password here without limit, so every try is throttled exactly
 * like sign-in (same back-off and hard stop), in a bucket of its own: a signed-in user's typos must
 * not lock the account's sign-in. Keyed by account id because the email can change; shared by both
 * endpoints because they guess the same password. A password reset clears it (see completeReset).
 */
export const reauthKey = (userId: string) => `reauth:${userId}`;

export async function confirmCurrentPassword(request: Request, user: User, password: string, during: string): Promise<void> {
  await claimLoginAttempt(user.id, reauthKey);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await audit("signin_failed", request, user.id, { reason: "wrong_current_password", during });
    throw new AppError(401, "WRONG_PASSWORD");
  }
  await clearLoginAttempts(user.id, reauthKey);
}

/**
 * Notices about a change that has already been committed (password changed, email changed). A
 * delivery failure is logged (by sendEmail) but does not fail the request: answering 503 would tell
 * the user the change failed when it did not, and a retry would then hit "wrong password" or
 * "invalid code". The change is also recorded in the audit trail either way.
 */
export async function sendNotice(message: Message): Promise<boolean> {
  try {
    await sendEmail(message);
    return true;
  } catch {
    return false;
  }
}
