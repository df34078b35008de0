import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { type Actor, buildActor } from "@/lib/http/actor";
import { loadPublicUser, type PublicUser } from "@/lib/auth/users";
import { type MfaPolicyState, mfaPolicy } from "@/lib/auth/mfa/policy";
import { sessionCookieName } from "./cookie";
import { loginRedirectPath } from "./redirects";
import { type SessionContext, sessionFromToken } from "./sessions";

/**
 * The one way a server-rendered page learns who is signed in: the same database re-check the API
 * does (the proxy's redirect is only a convenience). Signed-out visitors go to the sign-in page
 * with `next`. `user` is the public shape (doctor fields included); `session.user` is the row.
 */
export type PageSession = Omit<SessionContext, "via"> & { publicUser: PublicUser; mfa: MfaPolicyState };

/** Where an account whose MFA set-up is overdue is sent from every other page (docs/MFA.md "Policy"). */
export const MFA_SETUP_PAGE = "/account/two-step";

export async function requirePageUser(path: string, options: { mfaSetupPage?: boolean } = {}): Promise<PageSession> {
  const session = await getPageUser();
  if (!session) redirect(loginRedirectPath(path));
  if (session.mfa.overdue && !options.mfaSetupPage) redirect(MFA_SETUP_PAGE);
  return session;
}

/** Once per request (React `cache`): the page, its layout and the language choice (i18n/request.ts) share one lookup. */
export const getPageUser = cache(async function getPageUser(): Promise<PageSession | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  const session = token ? await sessionFromToken(token) : null;
  if (!session) return null;
  return { ...session, publicUser: await loadPublicUser(await getDb(), session.user), mfa: mfaPolicy(session.user) };
});

/**
 * The actor of a page's request (lib/http/actor.ts), for a page that calls a service which audits
 * or answers in the reader's language: the same fields `route()` hands an API handler, the user
 * from the same (cached) lookup as getPageUser.
 */
export async function pageActor(): Promise<Actor> {
  const session = await getPageUser();
  return buildActor({ headers: await headers() }, session && { user: session.user, sessionId: session.sessionId });
}
