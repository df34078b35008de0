import "server-only";
import type { Actor } from "@/lib/http/actor";
import { eq } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { type Db, getDb } from "@/lib/db/client";
import { type User, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { consumeMfaChallenge, findMfaChallenge, issueMfaToken } from "@/lib/auth/mfa/challenge";
import { checkSecondFactor, type FactorProof } from "@/lib/auth/mfa/factor";
import { checkPasskeyAssertion } from "./passkey-signin";
import { clearLoginAttemptsDelete } from "@/lib/auth/throttle/login";
import { mayHoldSession } from "@/lib/auth/policy";
import { createSession } from "@/lib/auth/session/sessions";
import { loadPublicUser } from "@/lib/auth/users";
import { newDeviceAlert } from "@/lib/notifications/new-device";

/**
 * Sign-in with a second factor (docs/MFA.md "Sign-in"). The password step (flows/login.ts) ends
 * here when the account has a factor: no session yet, only an mfaToken. The password is proven,
 * so the password throttle is cleared now; guesses at the second factor have their own bucket.
 */
export async function beginMfaSignIn(db: Db, actor: Actor, user: User, email: string) {
  const mfaToken = await issueMfaToken(db, user);
  await clearLoginAttemptsDelete(db, email);
  await auditInsert(db, "signin_mfa_required", actor, user.id);
  return { mfaRequired: true as const, mfaToken };
}

/** POST /api/auth/mfa/verify: the second factor completes the sign-in with the usual session. */
export type MfaVerifyProof = FactorProof & { passkey?: Record<string, unknown> | undefined };

export async function completeMfaSignIn(actor: Actor, mfaToken: string, proof: MfaVerifyProof) {
  const db = await getDb();
  const challenge = await findMfaChallenge(db, mfaToken);
  const [user] = await db.select().from(users).where(eq(users.id, challenge.userId));
  if (!user) throw new AppError("MFA_TOKEN_INVALID");
  if (!mayHoldSession(user)) throw new AppError("ACCOUNT_SUSPENDED");

  const method = proof.passkey
    ? await checkPasskeyAssertion(actor, user.id, proof.passkey, challenge.webauthnChallenge)
    : await checkSecondFactor(actor, user, proof, { during: "signin" });
  await consumeMfaChallenge(db, challenge.id);
  const session = await createSession(db, user, actor, "password+factor", [
    auditInsert(db, "signin_ok", actor, user.id, { mfa: method }),
    ...newDeviceAlert(db, user, actor),
  ]);
  return { user: await loadPublicUser(db, user), ...session };
}
