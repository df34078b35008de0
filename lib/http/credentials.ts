import "server-only";
import { isCrossOriginWrite } from "./origin";

/**
 * What a request presents to say who sends it, read here so that lib/auth/session gets plain values
 * (docs/RULES.md "Authentication"): the `Authorization: Bearer` token first (API clients), then the
 * session cookie (browsers), and whether the request is a state change from another origin — the
 * CSRF refusal applies only when the token came in a cookie, which the session layer decides.
 */
export type Credentials = {
  token: string | null;
  via: "bearer" | "cookie";
  /** A state-changing method with an Origin other than APP_URL's. */
  crossOrigin: boolean;
};

/** `cookieName`: the session cookie's name, which lib/auth/session/cookie.ts owns. */
export function credentialsOf(request: Request, cookieName: string): Credentials {
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
  return {
    token: bearer ?? (cookieValue(request.headers.get("cookie"), cookieName) || null),
    via: bearer ? "bearer" : "cookie",
    crossOrigin: isCrossOriginWrite(request),
  };
}

/** One cookie's value out of a `Cookie` header (exact name match), or null. */
export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
