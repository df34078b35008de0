import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { createLogger } from "@/lib/runtime/logger.mjs";

/**
 * The app's logger (docs/RULES.md "Configuration", LOG_LEVEL): pino, one JSON object a line on
 * stdout, at LOG_LEVEL, with secrets redacted and errors reduced to a safe summary
 * (lib/runtime/logger.mjs; why: docs/DECISIONS.md "Logs").
 * Every line written while a request is handled carries its `reqId`, the X-Request-Id the
 * response is sent with — the id support asks a user for, and the key that joins an access-log
 * line (scripts/serve.mjs) to what the app logged for it.
 *
 *   log.info({ userId }, "something happened");   log.error({ err }, "what failed");
 *
 * Never log a request body, a row, a password, code, token, hash or cookie.
 */
type RequestContext = { reqId: string };
const requests = new AsyncLocalStorage<RequestContext>();

const g = globalThis as unknown as { __caregateLog?: Logger };
export const log: Logger = (g.__caregateLog ??= createLogger({
  level: process.env.LOG_LEVEL,
  mixin: () => requests.getStore() ?? {},
}) as Logger);

export const REQUEST_ID_HEADER = "x-request-id";
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * The request's id: the one scripts/serve.mjs put on it (it overwrites whatever a client sent),
 * or a fresh one when the app is called without that entry (tests calling handlers in-process).
 */
export function requestIdOf(request: { headers: Pick<Headers, "get"> }): string {
  const given = request.headers.get(REQUEST_ID_HEADER);
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The id of the request being handled (the one withRequestId set), if any. */
export function currentRequestId(): string | undefined {
  return requests.getStore()?.reqId;
}

/** Runs `fn` with `reqId` attached to every line it logs (also across awaits). */
export function withRequestId<T>(reqId: string, fn: () => T): T {
  return requests.run({ reqId }, fn);
}
