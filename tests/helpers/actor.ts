import type { User } from "@/lib/db/schema";
import { type Actor, buildActor, type SignedInActor } from "@/lib/http/actor";
import { credentialsOf, type Credentials } from "@/lib/http/credentials";
import { sessionCookieName } from "@/lib/auth/session/cookie";

/** An actor as route() builds it from a request with these headers, for a test that calls a service directly. */
export function actorFor(session: { user: User; sessionId: string } | null = null, headers: HeadersInit = { "user-agent": "vitest" }): Actor {
  return buildActor(new Request("http://localhost:3000/", { headers }), session);
}

/** The actor of a request `user` makes with a session, for a service that acts as that account (the admin services). */
export function signedInActorFor(user: User, headers?: HeadersInit): SignedInActor {
  return actorFor({ user, sessionId: crypto.randomUUID() }, headers) as SignedInActor;
}

/** What route() reads of a request to find its session (lib/http/credentials.ts). */
export function credentialsFor(request: Request): Credentials {
  return credentialsOf(request, sessionCookieName());
}
