import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE } from "@/lib/auth/session/cookie";
import { loginRedirectPath } from "@/lib/auth/session/redirects";
import { sessionFromToken } from "@/lib/auth/session/sessions";

/**
 * For server components of protected pages: the same database re-check the API does (the proxy's
 * redirect is only a convenience). Signed-out visitors go to the sign-in page with `next`.
 */
export async function requirePageSession(path: string) {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const session = token ? await sessionFromToken(token) : null;
  if (!session) redirect(loginRedirectPath(path));
  return session;
}

export async function getPageSession() {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? sessionFromToken(token) : null;
}
