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

/** Null for anything that is not a valid, unexpired token of ours. */
export async function verifySessionToken(token: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await jwtKey(), {
      algorithms: ["HS256"],
      requiredClaims: ["exp", "iat", "sub", "sid", "ver"],
    });
    const { sub, sid, ver } = payload;
    if (typeof sub !== "string" || typeof sid !== "string" || !Number.isInteger(ver)) return null;
    return { sub, sid, ver: ver as number };
  } catch {
    return null;
  }
}
