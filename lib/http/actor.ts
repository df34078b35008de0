import "server-only";
import type { User } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/locale";
import { requestIdOf } from "@/lib/log";
import { clientIp, type HeaderSource, userAgent } from "./client-ip";
import { localeOf } from "./request-locale";

/**
 * Who is acting and from where, built once per request by the request layer (`route()` for the
 * API, `pageActor()` for pages) and handed to services instead of the Request: audit rows, new
 * sessions, the per-IP bucket and the language of an answer all read it from here
 * (docs/ARCHITECTURE.md "The actor").
 */
export type Actor = {
  /** The signed-in account, or null (an unauthenticated endpoint, or nobody signed in). */
  user: User | null;
  sessionId: string | null;
  /** The client's address under TRUST_PROXY (./client-ip.ts). */
  ip: string;
  userAgent: string | null;
  /** The X-Request-Id the answer carries, also on every log line and audit row of the request. */
  requestId: string;
  /** docs/I18N.md "Which language": the account's locale, the `locale` cookie, Accept-Language. */
  locale: Locale;
};

/** The actor of a request made with a session (every `auth: "session"` route): `user` is the account acting. */
export type SignedInActor = Actor & { user: User; sessionId: string };

/** What audit and session rows record of a request. */
export type RequestOrigin = Pick<Actor, "ip" | "userAgent" | "requestId">;

/**
 * Requests behind their actors, for the one thing that still belongs to the Request: whether the
 * per-IP bucket has counted it (./rate-limit.ts). Nothing outside lib/http reads it.
 */
const requests = new WeakMap<Actor, Request>();

export function requestOf(actor: Actor): Request | undefined {
  return requests.get(actor);
}

/**
 * The actor of a request (or of a page's headers). `session` is the checked session, or null;
 * `requestId` is the id the handler already chose (a request without one gets a fresh id).
 */
export function buildActor(
  source: HeaderSource,
  session: { user: User; sessionId: string } | null,
  requestId: string = requestIdOf(source),
): Actor {
  const actor: Actor = {
    user: session?.user ?? null,
    sessionId: session?.sessionId ?? null,
    ip: clientIp(source),
    userAgent: userAgent(source),
    requestId,
    locale: localeOf(source, session?.user.locale),
  };
  if (source instanceof Request) requests.set(actor, source);
  return actor;
}

/**
 * The request itself, as `route()` hands it to a route handler (lib/openapi/route.ts): the request
 * layer is lib/http and the route, and only they read it.
 */
export type RequestInput = { request: Request };
