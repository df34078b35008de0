import "server-only";
import type { Actor } from "@/lib/http/actor";
import { audit } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { endAllSessions, endSession, type SessionContext } from "@/lib/auth/session/sessions";

/**
 * POST /api/auth/logout: ends the caller's session. Signing out without a session is not an error
 * (the route clears the cookie either way); a cookie-borne sign-out from another origin was refused
 * before this runs, like any other state change (optionalSession).
 */
export async function logout(actor: Actor, session: SessionContext): Promise<void> {
  await endSession(await getDb(), session.sessionId);
  await audit("signout", actor, session.user.id);
}

/** POST /api/auth/logout-all: every session of the account ends at once (tokenVersion bump). */
export async function logoutAll(actor: Actor, { user }: SessionContext): Promise<void> {
  await endAllSessions(await getDb(), user.id);
  await audit("signout_all", actor, user.id);
}
