/**
 * Every error code the API can return, with its HTTP status and default English message: the one
 * table (docs/RULES.md "Errors"). Shared by the API and the UI (no server-only import): the UI
 * switches on `code`, never on message text, and a translation layer maps the same codes to other
 * languages. A server error is raised by its code alone: `new AppError("EMAIL_TAKEN")`.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: "Some fields are not valid." },
  WEAK_PASSWORD: { status: 400, message: "Choose a stronger password." },
  PASSWORD_MISMATCH: { status: 400, message: "The passwords do not match." },
  INVALID_CODE: { status: 400, message: "The code is wrong or has expired. Check the latest email or ask for a new code." },
  INVALID_TOKEN: { status: 400, message: "This link is invalid or has expired. Ask for a new one." },
  INVALID_MFA_CODE: { status: 400, message: "That code is not right. Enter the current code from your authenticator app, or a recovery code." },
  PASSKEY_FAILED: { status: 400, message: "The passkey could not be verified. Try again." },
  INVALID_JSON: { status: 400, message: "The request body is not valid JSON." },
  UNSUBSCRIBE_LINK_INVALID: { status: 400, message: "This unsubscribe link is not valid. Choose your emails on your account page instead." },
  INVALID_MULTIPART: { status: 400, message: "The upload was cut off or is not valid multipart/form-data. Try again." },
  INVALID_CREDENTIALS: { status: 401, message: "The email or password is incorrect." },
  WRONG_PASSWORD: { status: 401, message: "The current password is incorrect." },
  MFA_TOKEN_INVALID: { status: 401, message: "This sign-in has expired. Enter your email and password again." },
  UNAUTHENTICATED: { status: 401, message: "Please sign in." },
  EMAIL_NOT_VERIFIED: { status: 403, message: "Confirm your email first: enter the code we sent you." },
  ACCOUNT_SUSPENDED: { status: 403, message: "This account is suspended. Contact support." },
  FORBIDDEN: { status: 403, message: "You are not allowed to do this." },
  FORBIDDEN_ORIGIN: { status: 403, message: "This request came from another site and was refused." },
  DOCTOR_NOT_APPROVED: { status: 403, message: "Your doctor account is awaiting approval." },
  MFA_SETUP_REQUIRED: { status: 403, message: "Set up two-step sign-in to continue using your account." },
  REAUTH_REQUIRED: { status: 403, message: "For your security, confirm it is you: enter your password (and your second step, if you have one) again." },
  NOT_FOUND: { status: 404, message: "Not found." },
  DOCTOR_NOT_FOUND: { status: 404, message: "There is no approved doctor with this id." },
  METHOD_NOT_ALLOWED: { status: 405, message: "This method is not allowed here." },
  EMAIL_TAKEN: { status: 409, message: "An account with this email already exists." },
  LICENSE_TAKEN: { status: 409, message: "This licence number is already registered." },
  RECORD_LIMIT_REACHED: { status: 409, message: "You have reached the maximum number of records. Delete one to upload another." },
  SIGNUP_AMBIGUOUS: { status: 409, message: "This address was signed up more than once. Finish in the browser you signed up in, or reset your password." },
  CONFLICT: { status: 409, message: "This conflicts with the current state." },
  LAST_SUPERADMIN: { status: 409, message: "At least one active super administrator must remain." },
  NOT_A_DOCTOR: { status: 409, message: "Only doctor accounts can be approved or rejected." },
  NO_DOCTOR_PROFILE: { status: 409, message: "This account has no doctor profile: doctors join through the doctor sign-up." },
  ACCOUNT_NOT_VERIFIED: { status: 409, message: "This account has not confirmed its email address yet." },
  MFA_ALREADY_ENABLED: { status: 409, message: "An authenticator app is already set up. Turn it off first to set up another." },
  MFA_NOT_ENABLED: { status: 409, message: "No authenticator app is set up." },
  MFA_SETUP_NOT_STARTED: { status: 409, message: "Start the set-up again: no pending authenticator was found." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request is too large." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send JSON with Content-Type: application/json." },
  RANGE_NOT_SATISFIABLE: { status: 416, message: "The requested byte range is outside the file." },
  FILE_INFECTED: { status: 422, message: "This file contains a virus or other malware and was not kept. Do not open it; upload a clean copy." },
  TOO_MANY_ATTEMPTS: { status: 429, message: "Too many attempts. Please wait and try again." },
  RESEND_TOO_SOON: { status: 429, message: "Please wait before asking for another code." },
  RATE_LIMITED: { status: 429, message: "Too many requests. Please wait and try again." },
  EXPORT_LIMIT: { status: 429, message: "You have downloaded your data as often as a day allows. Try again later." },
  ACCOUNT_LOCKED: { status: 429, message: "Too many failed sign-ins. Reset your password to unlock your account." },
  INTERNAL_ERROR: { status: 500, message: "Something went wrong on our side." },
  SCAN_UNAVAILABLE: { status: 503, message: "Uploads cannot be checked for viruses right now, so nothing was kept. Try again in a few minutes." },
  SERVICE_UNAVAILABLE: { status: 503, message: "The service is temporarily unavailable." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The default English message of each code (what the UI shows when it has nothing better). */
export const ERROR_MESSAGES = Object.fromEntries(Object.entries(ERRORS).map(([code, e]) => [code, e.message])) as {
  [C in ErrorCode]: (typeof ERRORS)[C]["message"];
};

/** The one error body shape (docs/RULES.md "Errors"). */
export type ErrorBody = { error: string; code: ErrorCode; fields?: Record<string, string> };

/** What the browser may see as a code: every API code, plus the client's own "the request never arrived". */
export type ClientErrorCode = ErrorCode | "NETWORK_ERROR";
