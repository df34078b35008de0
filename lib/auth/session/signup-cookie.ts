import "server-only";
import { cookieIsSecure } from "@/lib/config";
import { cookieValue } from "@/lib/http/credentials";

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

/** The binding a `Cookie` header carries, if it is shaped like one (anything else is ignored). */
export function readSignupCookie(cookieHeader: string | null): string | null {
  const value = cookieValue(cookieHeader, SIGNUP_COOKIE);
  return value && UUID.test(value) ? value : null;
}
