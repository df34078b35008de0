import "server-only";
import { cookieIsSecure } from "@/lib/config";

/** The session cookie (SPEC §3): HttpOnly, SameSite=Lax, Secure outside local http, Path=/. */
export const SESSION_COOKIE = "caregate_session";

export function sessionCookieHeader(token: string, maxAgeSeconds: number): string {
  const parts = [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`];
  if (cookieIsSecure()) parts.push("Secure");
  return parts.join("; ");
}

export const clearedCookieHeader = () => sessionCookieHeader("", 0);

/** Reads our cookie from a Request (next/headers' cookies() throws outside a request scope). */
export function readSessionCookie(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}
