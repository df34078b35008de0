import "server-only";
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { passkeys, type User, webauthnChallenges } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";

/**
 * WebAuthn through @simplewebauthn/server (docs/MFA.md "Passkeys"). The relying party is APP_URL:
 * its host name is the rpID and its origin the only accepted origin, so a passkey made for this
 * site is useless to a look-alike one. Challenges are stored server-side, single use, 5 minutes.
 */
const CHALLENGE_TTL_SECONDS = 300;

function relyingParty() {
  const url = new URL(config().APP_URL);
  return { rpID: url.hostname, origin: url.origin };
}

type PasskeyRow = typeof passkeys.$inferSelect;

export async function registrationOptions(db: Db, user: Pick<User, "id" | "email" | "name">) {
  const existing = await db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, user.id));
  const options = await generateRegistrationOptions({
    rpName: "CareGate",
    rpID: relyingParty().rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((k) => ({ id: k.credentialId, transports: k.transports ?? undefined })),
    // Discoverable, so the same passkey also signs in without the email and password.
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  const challengeId = await storeChallenge(db, "register", user.id, options.challenge);
  return { challengeId, options };
}

/** Checks a registration against its stored challenge (consumed here) and returns the credential to store. */
export async function verifyRegistration(db: Db, userId: string, challengeId: string, response: unknown) {
  const challenge = await takeChallenge(db, challengeId, "register", userId);
  const { rpID, origin } = relyingParty();
  const result = await verifyRegistrationResponse({
    response: response as RegistrationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const }));
  if (!result.verified) throw new AppError("PASSKEY_FAILED");
  const { credential } = result.registrationInfo;
  return {
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString("base64url"),
    counter: credential.counter,
    transports: credential.transports ?? null,
  };
}

/** Options for an assertion: with `allow` (second factor) only those keys; without, any discoverable one. */
export async function authenticationOptions(allow: Pick<PasskeyRow, "credentialId" | "transports">[] | null) {
  return generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: allow?.map((k) => ({ id: k.credentialId, transports: k.transports ?? undefined })),
    // Passwordless sign-in stands in for both factors, so it needs the authenticator's own PIN or biometric.
    userVerification: allow ? "preferred" : "required",
  });
}

/**
 * Verifies an assertion by one of the stored passkeys and advances its signature counter (a
 * counter that goes backwards means a cloned authenticator; the library refuses it).
 */
export async function verifyAssertion(db: Db, response: unknown, expectedChallenge: string, opts: { userId?: string; requireUserVerification: boolean }) {
  const id = (response as { id?: unknown }).id;
  if (typeof id !== "string") throw new AppError("PASSKEY_FAILED");
  const [key] = await db.select().from(passkeys).where(eq(passkeys.credentialId, id));
  if (!key || (opts.userId && key.userId !== opts.userId)) throw new AppError("PASSKEY_FAILED");
  const { rpID, origin } = relyingParty();
  const result = await verifyAuthenticationResponse({
    response: response as AuthenticationResponseJSON,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: { id: key.credentialId, publicKey: Buffer.from(key.publicKey, "base64url"), counter: key.counter, transports: key.transports ?? undefined },
    requireUserVerification: opts.requireUserVerification,
  }).catch(() => ({ verified: false as const, authenticationInfo: null }));
  if (!result.verified || !result.authenticationInfo) throw new AppError("PASSKEY_FAILED");
  await db.update(passkeys).set({ counter: result.authenticationInfo.newCounter, lastUsedAt: sql`now()` }).where(eq(passkeys.id, key.id));
  return key;
}

type ChallengePurpose = "register" | "signin" | "reauth";

export async function storeChallenge(db: Db, purpose: ChallengePurpose, userId: string | null, challenge: string): Promise<string> {
  const [row] = await db
    .insert(webauthnChallenges)
    .values({ purpose, userId, challenge, expiresAt: sql`now() + make_interval(secs => ${CHALLENGE_TTL_SECONDS})` })
    .returning({ id: webauthnChallenges.id });
  return row!.id;
}

/** Consumes a stored challenge (one DELETE, so it answers exactly one ceremony). */
export async function takeChallenge(db: Db, id: string, purpose: ChallengePurpose, userId: string | null): Promise<string> {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.id, id),
        eq(webauthnChallenges.purpose, purpose),
        userId ? eq(webauthnChallenges.userId, userId) : isNull(webauthnChallenges.userId),
        gt(webauthnChallenges.expiresAt, sql`now()`),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });
  if (!row) throw new AppError("PASSKEY_FAILED");
  return row.challenge;
}
