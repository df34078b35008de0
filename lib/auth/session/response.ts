import "server-only";
import { clearedCookieHeader, sessionCookieHeader } from "@/lib/auth/session/cookie";
import { clearedSignupCookieHeader, signupCookieHeader } from "@/lib/auth/session/signup-cookie";
import { json } from "@/lib/http/handler";

/** A JSON answer that also sets the session cookie (browsers) — the token is in the body for API clients. */
export function jsonWithSession(
  body: Record<string, unknown>,
  session: { token: string; maxAgeSeconds: number },
  status = 200,
  options: { clearSignup?: boolean } = {},
) {
  const cookies: [string, string][] = [["Set-Cookie", sessionCookieHeader(session.token, session.maxAgeSeconds)]];
  if (options.clearSignup) cookies.push(["Set-Cookie", clearedSignupCookieHeader()]);
  return json({ ...body, token: session.token }, status, cookies);
}

/** Sign-up's answer: 201 with the signupId, and the same binding as an HttpOnly cookie for browsers. */
export function jsonWithSignup(body: { email: string; signupId: string }) {
  return json({ success: true, ...body }, 201, { "Set-Cookie": signupCookieHeader(body.signupId) });
}

/**
 * A sign-out answer: the session cookie is expired, and `Clear-Site-Data: "cookies"` asks the
 * browser to drop every cookie of this origin as well (any other cookie a future feature sets, or
 * one planted under another name). Only "cookies": clearing "storage" or "cache" would also wipe
 * what other open tabs are doing, for no security gain — the session lives only in the cookie.
 */
export function jsonClearingSession(body: Record<string, unknown>, status = 200) {
  return json(body, status, { "Set-Cookie": clearedCookieHeader(), "Clear-Site-Data": '"cookies"' });
}
