import "server-only";
import type { Actor } from "@/lib/http/actor";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { type User, users } from "@/lib/db/schema";
import { passwordChangedEmail } from "@/lib/mail/templates";
import { audit } from "@/lib/audit";
import { voidCodes } from "@/lib/auth/codes";
import { assertPasswordPolicy, hashPassword } from "@/lib/auth/passwords";
import { enqueueMail } from "@/lib/mail/queue";
import { confirmCurrentPassword } from "@/lib/auth/reauth";
import { createSession, endAllSessions } from "@/lib/auth/session/sessions";
import { loadPublicUser } from "@/lib/auth/users";

/**
 * POST /api/auth/change-password (docs/RULES.md "API: passwords and email"). The policy is checked before the current password so
 * a weak new password does not spend a throttled attempt. Then, in one transaction: the new hash,
 * outstanding reset codes and links voided (docs/RULES.md "Reset link": any password change voids them), every session
 * ended through the tokenVersion bump — this one included — and a fresh session for this device, so
 * the caller stays signed in with a token minted under the new tokenVersion.
 */
export async function changePassword(actor: Actor, user: User, currentPassword: string, newPassword: string) {
  assertPasswordPolicy(newPassword, user.email, "newPassword");
  await confirmCurrentPassword(actor, user, currentPassword, "change_password");

  const db = await getDb();
  const passwordHash = await hashPassword(newPassword);
  const { updated, session } = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    await voidCodes(tx, user.id, "reset");
    await endAllSessions(tx, user.id);
    const [u] = await tx.select().from(users).where(eq(users.id, user.id));
    await enqueueMail(tx, passwordChangedEmail(u!.email, u!.locale), { userId: user.id });
    return { updated: u!, session: await createSession(tx, u!, actor, "password") };
  });

  await audit("password_changed", actor, user.id, { sessionId: session.sessionId });
  return { user: await loadPublicUser(db, updated), ...session };
}
