import "server-only";
import { ZodError, type ZodType, type z } from "zod";
import { enforceIpLimit, isIpCounted } from "@/lib/http/rate-limit";
import { log, requestIdOf, withRequestId } from "@/lib/log";
import { safePath } from "@/lib/runtime/logger.mjs";
import { AppError } from "./app-error";
import { readJsonText } from "./body";
import { messageText } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/locale";
import { ERRORS, type ErrorBody, type ErrorCode } from "./error-codes";
import { answerLocale } from "./request-locale";
import { msg } from "@/lib/validation/messages";

// The bounded body readers live in ./body; re-exported so route code has one import for input.
export { limitedBody, MAX_JSON_BODY_BYTES, readBodyLimited } from "./body";

/** JSON with the headers every API response carries (no caching of personal data). */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("Cache-Control", "no-store");
  return Response.json(body, { status, headers: h });
}

/** A 200 whose JSON was serialised already (by PostgreSQL: lib/audit/query.ts), with json()'s headers. */
export function jsonText(body: string): Response {
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

/**
 * The error answer (docs/RULES.md "Errors") in `locale` (docs/I18N.md "API errors"): `code` is
 * the same in every language; `error` is the code's text unless `extra.error` says more, and each
 * of `fields` is a `validation.*` key or a detail, all turned into words by messageText.
 */
export function errorResponse(code: ErrorCode, extra: Partial<ErrorBody> = {}, headers: HeadersInit = {}, locale: Locale = "en") {
  const codeKey = `errors.${code}`;
  const body: ErrorBody = { error: messageText(locale, extra.error ?? codeKey, codeKey), code };
  if (extra.fields) {
    body.fields = Object.fromEntries(Object.entries(extra.fields).map(([k, v]) => [k, messageText(locale, v, "validation.invalid")]));
  }
  return json(body, ERRORS[code].status, headers);
}

type Ctx<P> = { params: Promise<P> };

export type HandlerOptions = {
  /**
   * Count the request in the per-client-IP bucket shared by sign-in, sign-up, code and reset
   * endpoints (docs/RULES.md "Per-IP limit"), before anything else happens.
   * `"with-first-statement"`: the flow counts it in its first database statement together with its
   * own first step (sign-in, docs/PERFORMANCE.md "Sign-in"), after the body was read and checked. A request
   * that fails before that is counted here, and one over the limit then gets the 429 rather than
   * its 400, 413 or 415: the same answers as `true`, one round trip fewer.
   */
  ipLimit?: boolean | "with-first-statement";
};

/**
 * The one wrapper every route uses (docs/ARCHITECTURE.md, conventions): AppError → its status and
 * code, ZodError → 400 with `fields`, anything else → a logged 500 that reveals nothing. Every
 * answer carries X-Request-Id, and every line logged while handling it carries the same id.
 */
export function handler<P = Record<string, never>>(fn: (request: Request, ctx: Ctx<P>) => Promise<Response>, options: HandlerOptions = {}) {
  const wrapped = async (request: Request, ctx: Ctx<P>): Promise<Response> => {
    const reqId = requestIdOf(request);
    const response = await withRequestId(reqId, async () => {
      try {
        if (options.ipLimit === true) await enforceIpLimit(request);
        return await fn(request, ctx);
      } catch (e) {
        return toErrorResponse(options.ipLimit === "with-first-statement" ? await countedFailure(request, e) : e, request);
      }
    });
    try {
      response.headers.set("X-Request-Id", reqId);
    } catch {
      // immutable headers (Response.redirect): the entry (scripts/serve.mjs) still sends the id
    }
    return response;
  };
  // Readable by the contract test, which checks that each route's contract declares the same limit.
  return Object.assign(wrapped, { options });
}

/**
 * A request that failed before its flow counted it in the per-IP bucket is counted now; when that
 * puts (or finds) the client over the limit, the 429 is the answer instead of the failure.
 */
async function countedFailure(request: Request, failure: unknown): Promise<unknown> {
  if (isIpCounted(request)) return failure;
  try {
    await enforceIpLimit(request);
    return failure;
  } catch (limited) {
    return limited;
  }
}

/** `request`: whose language the answer is in (./request-locale.ts), and where an unexpected error happened. */
export function toErrorResponse(e: unknown, request?: Request): Response {
  const locale = answerLocale(request);
  if (e instanceof AppError) {
    const headers: HeadersInit = e.retryAfterSeconds ? { "Retry-After": String(e.retryAfterSeconds) } : {};
    return errorResponse(e.code, { error: e.detail, fields: e.fields }, headers, locale);
  }
  if (e instanceof ZodError) return zodErrorResponse(e, locale);
  // The error is reduced to a safe summary by the logger (no query parameters, no row values).
  const where = request ? { method: request.method, path: safePath(request.url) } : {};
  log.error({ err: e, ...where }, "unhandled error");
  return errorResponse("INTERNAL_ERROR", {}, {}, locale);
}

/**
 * Password-policy and confirmation issues carry their own code (docs/RULES.md "Errors"): WEAK_PASSWORD and
 * PASSWORD_MISMATCH win only when they are the sole problems, so a bad email still reads as
 * VALIDATION_FAILED.
 */
function zodErrorResponse(e: ZodError, locale: Locale): Response {
  const fields: Record<string, string> = {};
  const codes = new Set<string>();
  for (const issue of e.issues) {
    const key = issue.path.join(".") || "body";
    fields[key] ??= issue.message;
    const code = (issue as { params?: { code?: string } }).params?.code;
    codes.add(code ?? "VALIDATION_FAILED");
  }
  const code: ErrorCode = codes.has("VALIDATION_FAILED")
    ? "VALIDATION_FAILED"
    : codes.has("WEAK_PASSWORD")
      ? "WEAK_PASSWORD"
      : "PASSWORD_MISMATCH";
  return errorResponse(code, { fields }, {}, locale);
}

/** Reads and validates a JSON body with the route's shared schema; unknown keys are dropped. */
export async function readJson<S extends ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  const text = await readJsonText(request);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON");
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new AppError("VALIDATION_FAILED", { fields: { body: msg("body.notObject") } });
  }
  return schema.parseAsync(data);
}
