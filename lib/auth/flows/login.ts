import "server-only";
import type { Actor } from "@/lib/http/actor";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { audit, auditInsert } from "@/lib/audit";
import { claimLoginAttemptFindUser, clearLoginAttemptsDelete } from "@/lib/auth/throttle/login";
import { burnPasswordCheck, hashPassword, isLegacyHash, verifyPassword } from "@/lib/auth/passwords";
import { signInRefusal } from "@/lib/auth/policy";
import { createSession } from "@/lib/auth/session/sessions";
import { loadPublicUser } from "@/lib/auth/users";
import { newDeviceAlert } from "@/lib/notifications/new-device";
import { beginMfaSignIn } from "./mfa-verify";

/**
 * Sign-in (docs/RULES.md "API: accounts and sessions"). Unknown email and wrong password give the same 401 after the same
 * amount of hashing work. Facts about the account (unverified, suspended) are told only to someone
 * who proved the password.
 */
export async function login(actor: Actor, email: string, password: string) {
  const db = await getDb();
  // The request is counted per IP, the attempt claimed and the account read in one statement
  // (lib/auth/throttle/login.ts); the route's handler counts a request that fails before this.
  const user = await claimLoginAttemptFindUser(db, actor, email);

  if (!user) {
    await burnPasswordCheck(password);
    await audit("signin_failed", actor, null, { reason: "unknown_email" });
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await audit("signin_failed", actor, user.id, { reason: "wrong_password" });
    throw new AppError("INVALID_CREDENTIALS");
  }
  const refused = signInRefusal(user);
  if (refused) throw new AppError(refused);

  if (isLegacyHash(user.passwordHash)) {
    // Imported bcrypt hash: upgrade to argon2id now that we hold the plaintext.
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password), updatedAt: sql`now()` })
      .where(eq(users.id, user.id));
  }
  // A second factor is set (a column of the row already loaded): no session until it is proven.
  if (user.mfaEnabledAt) return beginMfaSignIn(db, actor, user, email);
  // The counter reset, the audit event and the new-device alert ride in the session's insert: one statement.
  const session = await createSession(db, user, actor, "password", [
    clearLoginAttemptsDelete(db, email),
    auditInsert(db, "signin_ok", actor, user.id),
    ...newDeviceAlert(db, user, actor),
  ]);
  return { user: await loadPublicUser(db, user), ...session };
}
