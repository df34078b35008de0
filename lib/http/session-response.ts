import "server-only";
import { clearedCookieHeader, sessionCookieHeader } from "@/lib/auth/session/cookie";
import { json } from "./handler";

/** A JSON answer that also sets the session cookie (browsers) — the token is in the body for API clients. */
export function jsonWithSession(body: Record<string, unknown>, session: { token: string; maxAgeSeconds: number }, status = 200) {
  return json({ ...body, token: session.token }, status, { "Set-Cookie": sessionCookieHeader(session.token, session.maxAgeSeconds) });
}

export function jsonClearingSession(body: Record<string, unknown>, status = 200) {
  return json(body, status, { "Set-Cookie": clearedCookieHeader() });
}
