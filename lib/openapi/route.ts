import "server-only";
import type { z } from "zod";
import { sessionCookieName } from "@/lib/auth/session/cookie";
import { optionalSession, requireAccess, type SessionContext } from "@/lib/auth/session/sessions";
import { type Actor, buildActor, type RequestInput, type SignedInActor } from "@/lib/http/actor";
import { notFound } from "@/lib/http/app-error";
import { type Credentials, credentialsOf } from "@/lib/http/credentials";
import { handler, readJson } from "@/lib/http/handler";
import { readQuery } from "@/lib/http/query";
import { currentRequestId } from "@/lib/log";
import { noteRequestLocale } from "@/lib/http/request-locale";
import type { Operation } from "./contract";

/**
 * A route handler declared from its contract's operation (docs/API.md "Adding a contract"): the
 * operation that documents the endpoint is the one that runs it, so the two cannot disagree.
 *
 *   export const PATCH = route(contract.PATCH, async ({ actor, session, params, body }) => json(…));
 *
 * Inside `handler` (errors, request id, the per-IP limit from `ipLimit`), in this order: the session
 * and its access (`auth`, `duringMfaSetup`, `roles`, `approvedDoctor`), the actor built from it
 * (`actor`: user, session id, IP, user agent, request id, locale — what services take instead of
 * the request; user null on an unauthenticated route), the path parameters (`params`: any that
 * fails is 404 NOT_FOUND, like an unknown id), the query (`query`), the JSON body (`body`).
 * What only the request has (a multipart upload's stream, a download's Range header, the sign-up
 * cookie) the handler reads from `request` and passes on as plain values.
 */

type Has<O, K extends string, S> = O extends { [k in K]: infer T extends S } ? T : never;

export type SessionOf<O extends Operation> = O["auth"] extends "session"
  ? SessionContext
  : O["auth"] extends "optional"
    ? SessionContext | null
    : null;
/** Declared params as parsed; undeclared ones are the raw strings of the path. */
export type ParamsOf<O extends Operation> = [Has<O, "params", z.ZodObject>] extends [never]
  ? Record<string, string>
  : z.output<Has<O, "params", z.ZodObject>>;
export type QueryOf<O extends Operation> = [Has<O, "query", z.ZodObject>] extends [never] ? undefined : z.output<Has<O, "query", z.ZodObject>>;
export type BodyOf<O extends Operation> = [Has<O, "body", z.ZodType>] extends [never] ? undefined : z.output<Has<O, "body", z.ZodType>>;

export type RouteInput<O extends Operation> = RequestInput & {
  actor: O["auth"] extends "session" ? SignedInActor : Actor;
  session: SessionOf<O>;
  params: ParamsOf<O>;
  query: QueryOf<O>;
  body: BodyOf<O>;
};

type PathParams = Record<string, string | string[]>;

export function route<const O extends Operation>(operation: O, fn: (input: RouteInput<O>) => Promise<Response>) {
  const wrapped = handler<PathParams>(
    async (request, ctx) => {
      const session = await authenticate(credentialsOf(request, sessionCookieName()), operation);
      const actor = buildActor(request, session, currentRequestId());
      // From here on an error is answered in the actor's language: the account's first (docs/I18N.md "API errors").
      noteRequestLocale(request, actor.locale);
      const params = await readParams(operation, ctx?.params);
      const query = operation.query ? await readQuery(request, operation.query) : undefined;
      const body = operation.body ? await readJson(request, operation.body) : undefined;
      return fn({ request, actor, session, params, query, body } as RouteInput<O>);
    },
    { ipLimit: operation.ipLimit },
  );
  // Readable by the tests: the handler runs with exactly this operation (tests/unit/routes.test.ts).
  return Object.assign(wrapped, { operation });
}

async function authenticate(credentials: Credentials, op: Operation): Promise<SessionContext | null> {
  if (op.auth === "none") return null;
  if (op.auth === "optional") return optionalSession(credentials);
  return requireAccess(credentials, { duringMfaSetup: op.duringMfaSetup, roles: op.roles, approvedDoctor: op.approvedDoctor });
}

async function readParams(op: Operation, params: Promise<PathParams> | undefined): Promise<unknown> {
  const raw = (await params) ?? {};
  if (!op.params) return raw;
  const parsed = await op.params.safeParseAsync(raw);
  if (!parsed.success) throw notFound();
  return parsed.data;
}
