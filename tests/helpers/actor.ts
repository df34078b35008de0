import type { User } from "@/lib/db/schema";
import { type Actor, buildActor } from "@/lib/http/actor";
import { credentialsOf, type Credentials } from "@/lib/http/credentials";
import { sessionCookieName } from "@/lib/auth/session/cookie";

/** An actor as route() builds it from a request with these headers, for a test that calls a service directly. */
export function actorFor(session: { user: User; sessionId: string } | null = null, headers: HeadersInit = { "user-agent": "vitest" }): Actor {
  return buildActor(new Request("http://localhost:3000/", { headers }), session);
}

/** What route() reads of a request to find its session (lib/http/credentials.ts). */
export function credentialsFor(request: Request): Credentials {
  return credentialsOf(request, sessionCookieName());
}
