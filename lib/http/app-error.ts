import "server-only";
import { ERRORS, type ErrorCode } from "./error-codes";

/** A failure the client should see. Its status comes from the error-code table; only the code is named. */
export class AppError extends Error {
  readonly status: number;
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    options: { message?: string; fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(options.message ?? ERRORS[code].message);
    this.status = ERRORS[code].status;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED");
export const notFound = () => new AppError("NOT_FOUND");
export const tooMany = (code: ErrorCode, retryAfterSeconds: number) =>
  new AppError(code, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
