/**
 * Every error code the API can return, with its HTTP status: the one table (docs/RULES.md
 * "Errors"). Shared by the API and the UI (no server-only import): the UI switches on `code`, never
 * on message text. The words for each code live in the `errors` catalogue (lib/i18n/en/errors.ts
 * and its Arabic twin), and the API answers in the request's language (docs/I18N.md "API errors").
 * A server error is raised by its code alone: `new AppError("EMAIL_TAKEN")`.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400 },
  WEAK_PASSWORD: { status: 400 },
  PASSWORD_MISMATCH: { status: 400 },
  INVALID_CODE: { status: 400 },
  INVALID_TOKEN: { status: 400 },
  INVALID_MFA_CODE: { status: 400 },
  PASSKEY_FAILED: { status: 400 },
  INVALID_JSON: { status: 400 },
  UNSUBSCRIBE_LINK_INVALID: { status: 400 },
  INVALID_MULTIPART: { status: 400 },
  INVALID_CREDENTIALS: { status: 401 },
  WRONG_PASSWORD: { status: 401 },
  MFA_TOKEN_INVALID: { status: 401 },
  UNAUTHENTICATED: { status: 401 },
  EMAIL_NOT_VERIFIED: { status: 403 },
  ACCOUNT_SUSPENDED: { status: 403 },
  FORBIDDEN: { status: 403 },
  FORBIDDEN_ORIGIN: { status: 403 },
  DOCTOR_NOT_APPROVED: { status: 403 },
  MFA_SETUP_REQUIRED: { status: 403 },
  REAUTH_REQUIRED: { status: 403 },
  NOT_FOUND: { status: 404 },
  DOCTOR_NOT_FOUND: { status: 404 },
  METHOD_NOT_ALLOWED: { status: 405 },
  EMAIL_TAKEN: { status: 409 },
  LICENSE_TAKEN: { status: 409 },
  RECORD_LIMIT_REACHED: { status: 409 },
  SIGNUP_AMBIGUOUS: { status: 409 },
  CONFLICT: { status: 409 },
  LAST_SUPERADMIN: { status: 409 },
  NOT_A_DOCTOR: { status: 409 },
  NO_DOCTOR_PROFILE: { status: 409 },
  ACCOUNT_NOT_VERIFIED: { status: 409 },
  MFA_ALREADY_ENABLED: { status: 409 },
  MFA_NOT_ENABLED: { status: 409 },
  MFA_SETUP_NOT_STARTED: { status: 409 },
  PAYLOAD_TOO_LARGE: { status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  RANGE_NOT_SATISFIABLE: { status: 416 },
  FILE_INFECTED: { status: 422 },
  TOO_MANY_ATTEMPTS: { status: 429 },
  RESEND_TOO_SOON: { status: 429 },
  RATE_LIMITED: { status: 429 },
  EXPORT_LIMIT: { status: 429 },
  ACCOUNT_LOCKED: { status: 429 },
  INTERNAL_ERROR: { status: 500 },
  SCAN_UNAVAILABLE: { status: 503 },
  SERVICE_UNAVAILABLE: { status: 503 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof ERRORS;

/** The one error body shape (docs/RULES.md "Errors"). */
export type ErrorBody = { error: string; code: ErrorCode; fields?: Record<string, string> };

/** What the browser may see as a code: every API code, plus the client's own "the request never arrived". */
export type ClientErrorCode = ErrorCode | "NETWORK_ERROR";
