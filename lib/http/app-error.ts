import "server-only";
import { errors as englishErrors } from "@/lib/i18n/en/errors";
import { ERRORS, type ErrorCode } from "./error-codes";

/**
 * A failure the client should see. Its status comes from the error-code table; only the code is
 * named. The answer's words come from the `errors` catalogue in the request's language
 * (lib/http/handler.ts); `message` replaces them, and `fields` values are best given as
 * `validation.*` keys (lib/validation/messages.ts) so that they are translated too.
 */
export class AppError extends Error {
  readonly status: number;
  /** The `message` the thrower gave, if any: the answer's `error` instead of the code's text. */
  readonly detail?: string;
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    options: { message?: string; fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(options.message ?? englishErrors[code]);
    this.status = ERRORS[code].status;
    this.detail = options.message;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED");
export const notFound = () => new AppError("NOT_FOUND");
export const tooMany = (code: ErrorCode, retryAfterSeconds: number) =>
  new AppError(code, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
