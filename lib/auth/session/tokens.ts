import "server-only";
import { jwtVerify, SignJWT } from "jose";
import { jwtKey } from "@/lib/auth/secrets";

/** The session JWT of docs/RULES.md "Sessions": HS256 pinned; exp, iat, sub, sid and ver all required. */
export type SessionClaims = { sub: string; sid: string; ver: number };

export async function signSessionToken(claims: SessionClaims, expiresAt: Date): Promise<string> {
  return new SignJWT({ sid: claims.sid, ver: claims.ver })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(await jwtKey());
}

/**
 * Tokens jose has accepted, remembered until their `exp` (at most VERIFIED_MAX, the oldest dropped
 * first). jose verifies through WebCrypto, whose HMAC runs as an asynchronous crypto job: in a CPU
 * profile of `GET /api/users/me` under load that was ≈ 8 % of the request (docs/PERFORMANCE.md
 * "Authenticated reads"). A client sends the same token with every call, so after the first one the
 * check is a lookup of the exact string jose accepted. Nothing else is skipped: the session row is
 * still re-checked on every request (sign-out, timeouts, tokenVersion), and a new key empties the map.
 */
const VERIFIED_MAX = 10_000;
const verified = new Map<string, SessionClaims & { exp: number }>();
let verifiedWith: Promise<CryptoKey> | null = null;

/** Null for anything that is not a valid, unexpired token of ours. */
export async function verifySessionToken(token: string): Promise<SessionClaims | null> {
  const key = jwtKey();
  if (key !== verifiedWith) {
    verified.clear();
    verifiedWith = key;
  }
  const known = verified.get(token);
  if (known) {
    // jose's own rule: expired once `exp` is not after the current whole second.
    if (known.exp > Math.floor(Date.now() / 1000)) return { sub: known.sub, sid: known.sid, ver: known.ver };
    verified.delete(token);
    return null;
  }
  try {
    const { payload } = await jwtVerify(token, await key, {
      algorithms: ["HS256"],
      requiredClaims: ["exp", "iat", "sub", "sid", "ver"],
    });
    const { sub, sid, ver, exp } = payload;
    if (typeof sub !== "string" || typeof sid !== "string" || !Number.isInteger(ver)) return null;
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(token, { sub, sid, ver: ver as number, exp: exp! });
    return { sub, sid, ver: ver as number };
  } catch {
    return null;
  }
}
