import "server-only";
import { audit } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { assertSameOrigin } from "@/lib/http/origin";
import { endAllSessions, endSession, getSession, requireSession } from "@/lib/auth/session/sessions";

/**
 * POST /api/auth/logout: ends the caller's session, if there is one. Signing out without a session
 * is not an error (the cookie is cleared either way), but a cookie-borne sign-out from another
 * origin is refused like any other state change.
 */
export async function logout(request: Request): Promise<void> {
  const session = await getSession(request);
  if (!session) return;
  assertSameOrigin(request, session.via === "cookie");
  await endSession(await getDb(), session.sessionId);
  await audit("signout", request, session.user.id);
}

/** POST /api/auth/logout-all: every session of the account ends at once (tokenVersion bump). */
export async function logoutAll(request: Request): Promise<void> {
  const { user } = await requireSession(request, { duringMfaSetup: true });
  await endAllSessions(await getDb(), user.id);
  await audit("signout_all", request, user.id);
}
