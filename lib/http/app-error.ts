import { ERROR_MESSAGES, type ErrorCode } from "./error-codes";

/** A failure the client should see: its status, code and (optionally) per-field messages. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    options: { message?: string; fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(options.message ?? ERROR_MESSAGES[code]);
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;
}

export const unauthenticated = () => new AppError(401, "UNAUTHENTICATED");
export const notFound = () => new AppError(404, "NOT_FOUND");
export const tooMany = (code: ErrorCode, retryAfterSeconds: number) =>
  new AppError(429, code, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
