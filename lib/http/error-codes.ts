/**
 * Every error code the API can return, with its default English message. Shared by the API and
 * the UI (no server-only import): the UI switches on `code`, never on message text, and a later
 * translation layer maps the same codes to other languages.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: "Some fields are not valid.",
  WEAK_PASSWORD: "Choose a stronger password.",
  PASSWORD_MISMATCH: "The passwords do not match.",
  EMAIL_TAKEN: "An account with this email already exists.",
  LICENSE_TAKEN: "This licence number is already registered.",
  INVALID_CODE: "The code is wrong or has expired. Check the latest email or ask for a new code.",
  INVALID_TOKEN: "This link is invalid or has expired. Ask for a new one.",
  TOO_MANY_ATTEMPTS: "Too many attempts. Please wait and try again.",
  RESEND_TOO_SOON: "Please wait before asking for another code.",
  RATE_LIMITED: "Too many requests. Please wait and try again.",
  INVALID_CREDENTIALS: "The email or password is incorrect.",
  WRONG_PASSWORD: "The current password is incorrect.",
  EMAIL_NOT_VERIFIED: "Confirm your email first: enter the code we sent you.",
  ACCOUNT_SUSPENDED: "This account is suspended. Contact support.",
  ACCOUNT_LOCKED: "Too many failed sign-ins. Reset your password to unlock your account.",
  UNAUTHENTICATED: "Please sign in.",
  FORBIDDEN: "You are not allowed to do this.",
  FORBIDDEN_ORIGIN: "This request came from another site and was refused.",
  DOCTOR_NOT_APPROVED: "Your doctor account is awaiting approval.",
  NOT_FOUND: "Not found.",
  METHOD_NOT_ALLOWED: "This method is not allowed here.",
  CONFLICT: "This conflicts with the current state.",
  PAYLOAD_TOO_LARGE: "The request is too large.",
  UNSUPPORTED_MEDIA_TYPE: "Send JSON with Content-Type: application/json.",
  INVALID_JSON: "The request body is not valid JSON.",
  EMAIL_FAILED: "We could not send the email right now. Your details are saved; try again shortly.",
  SERVICE_UNAVAILABLE: "The service is temporarily unavailable.",
  INTERNAL_ERROR: "Something went wrong on our side.",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The one error body shape of SPEC §3. */
export type ErrorBody = { error: string; code: ErrorCode; fields?: Record<string, string> };
