import "server-only";
import type { Actor } from "@/lib/http/actor";
import { eq } from "drizzle-orm";
import { audit, auditInsert } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { passkeys, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { findMfaChallenge, setChallengeWebauthn } from "@/lib/auth/mfa/challenge";
import { authenticationOptions, storeChallenge, takeChallenge, verifyAssertion } from "@/lib/auth/mfa/webauthn";
import { signInRefusal } from "@/lib/auth/policy";
import { createSession } from "@/lib/auth/session/sessions";
import { loadPublicUser } from "@/lib/auth/users";
import { newDeviceAlert } from "@/lib/notifications/new-device";

/** Passkeys at sign-in (docs/MFA.md "Passkeys"): as the second factor, and passwordless. */

/** POST /api/auth/mfa/passkey/options { mfaToken }: assertion options limited to that account's passkeys. */
export async function mfaPasskeyOptions(mfaToken: string) {
  const db = await getDb();
  const challenge = await findMfaChallenge(db, mfaToken);
  const keys = await db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, challenge.userId));
  if (keys.length === 0) throw new AppError("PASSKEY_FAILED", { message: "This account has no passkey." });
  const options = await authenticationOptions(keys);
  await setChallengeWebauthn(db, mfaToken, options.challenge);
  return { options };
}

/** The passkey half of /api/auth/mfa/verify: an assertion by one of the account's own passkeys. */
export async function checkPasskeyAssertion(actor: Actor, userId: string, response: unknown, expected: string | null): Promise<"passkey"> {
  if (!expected) throw new AppError("PASSKEY_FAILED");
  try {
    await verifyAssertion(await getDb(), response, expected, { userId, requireUserVerification: false });
  } catch (e) {
    await audit("mfa_failed", actor, userId, { method: "passkey", during: "signin" });
    throw e;
  }
  return "passkey";
}

/** POST /api/auth/passkey/options: a challenge for any discoverable passkey (no email asked). */
export async function passwordlessOptions() {
  const options = await authenticationOptions(null);
  const challengeId = await storeChallenge(await getDb(), "signin", null, options.challenge);
  return { challengeId, options };
}

/**
 * POST /api/auth/passkey/login: a user-verified passkey assertion signs in on its own. The account
 * must be verified and active, as for the password.
 */
export async function passwordlessSignIn(actor: Actor, challengeId: string, response: unknown) {
  const db = await getDb();
  const challenge = await takeChallenge(db, challengeId, "signin", null);
  const key = await verifyAssertion(db, response, challenge, { requireUserVerification: true });
  const [user] = await db.select().from(users).where(eq(users.id, key.userId));
  if (!user) throw new AppError("PASSKEY_FAILED");
  const refused = signInRefusal(user);
  // Of an unconfirmed account this sign-in says only that the passkey failed.
  if (refused) throw new AppError(refused === "EMAIL_NOT_VERIFIED" ? "PASSKEY_FAILED" : refused);
  // A user-verified passkey is two factors in one (the device, and its PIN or biometric): it counts
  // as the strongest proof (docs/MFA.md "Recent proof").
  const session = await createSession(db, user, actor, "password+factor", [
    auditInsert(db, "signin_ok", actor, user.id, { method: "passkey" }),
    ...newDeviceAlert(db, user, actor),
  ]);
  return { user: await loadPublicUser(db, user), ...session };
}
