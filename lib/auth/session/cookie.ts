import "server-only";
import { cookieIsSecure } from "@/lib/config";

/**
 * The session cookie (docs/RULES.md "Authentication"): HttpOnly, SameSite=Lax, Secure outside local http, Path=/. On
 * https its name carries the `__Host-` prefix: browsers then accept it only with Secure, Path=/
 * and no Domain, so neither a sibling subdomain nor a plain-http page can plant or overwrite it.
 * (On local http the prefix is impossible — it requires Secure — so the plain name is used.)
 */
export function sessionCookieName(): string {
  return cookieIsSecure() ? "__Host-caregate_session" : "caregate_session";
}

export function sessionCookieHeader(token: string, maxAgeSeconds: number): string {
  const parts = [`${sessionCookieName()}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`];
  if (cookieIsSecure()) parts.push("Secure");
  return parts.join("; ");
}

export const clearedCookieHeader = () => sessionCookieHeader("", 0);
