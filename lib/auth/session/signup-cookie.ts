import "server-only";
import { cookieIsSecure } from "@/lib/config";

/**
 * The sign-up binding (docs/RULES.md "Sign-up details"): an HttpOnly cookie naming the sign-up this
 * browser made, sent only to verify-otp, so the verify page carries it without the user noticing
 * and without script access. It lives a day: long enough for a code that arrives late or a resend.
 */
export const SIGNUP_COOKIE = "caregate_signup";
const PATH = "/api/auth/verify-otp";
const MAX_AGE = 24 * 3600;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function signupCookieHeader(signupId: string, maxAgeSeconds = MAX_AGE): string {
  const parts = [`${SIGNUP_COOKIE}=${signupId}`, `Path=${PATH}`, "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (cookieIsSecure()) parts.push("Secure");
  return parts.join("; ");
}

export const clearedSignupCookieHeader = () => signupCookieHeader("", 0);

/** The binding this browser carries, if it is shaped like one (anything else is ignored). */
export function readSignupCookie(request: Request): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SIGNUP_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return UUID.test(value) ? value : null;
    }
  }
  return null;
}
