import "server-only";
import type { User } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { audit } from "@/lib/audit";
import { claimLoginAttempt, clearLoginAttempts } from "@/lib/auth/throttle/login";
import { verifyPassword } from "@/lib/auth/passwords";

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
    throw new AppError("WRONG_PASSWORD");
  }
  await clearLoginAttempts(user.id, reauthKey);
}
