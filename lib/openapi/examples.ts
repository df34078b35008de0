import "server-only";

/**
 * Sample values shared by the contracts' examples, so that every endpoint shows the same
 * believable account. The contract test parses each example with its schema, so these stay valid.
 */
export const EXAMPLE_EMAIL = "amira.haddad@example.com";
export const EXAMPLE_PASSWORD = "correct horse battery staple";
export const EXAMPLE_CODE = "042917";
export const EXAMPLE_ID = "3f2b8c1e-5a7d-4e9b-8c2a-1d4e6f8a9b0c";
export const EXAMPLE_TOKEN =
  "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIzZjJiOGMxZS01YTdkLTRlOWItOGMyYS0xZDRlNmY4YTliMGMiLCJzaWQiOiI5YzFkIiwidmVyIjowfQ.c2lnbmF0dXJl";

export const EXAMPLE_USER = {
  id: EXAMPLE_ID,
  email: EXAMPLE_EMAIL,
  name: "Amira Haddad",
  phone: "+44 20 7946 0958",
  dob: "1987-04-12",
  gender: "female",
  role: "patient",
  status: "active",
  emailVerifiedAt: "2025-03-01T09:30:12.000Z",
  createdAt: "2025-03-01T09:28:40.000Z",
  deletionScheduledFor: null,
  locale: "en",
} as const;

export const EXAMPLE_SIGNUP_ID = "7d1e2f3a-4b5c-4d6e-9f70-8a9b0c1d2e3f";
export const SIGNUP_COOKIE_HEADER = "caregate_signup=<signupId>; Path=/api/auth/verify-otp; HttpOnly; SameSite=Lax; Max-Age=86400";
export const SESSION_COOKIE_HEADER =
  "caregate_session=<token>; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200 (on https: __Host-caregate_session, with Secure)";
export const CLEARED_COOKIE_HEADER = "caregate_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0 (the session cookie expired)";
export const CLEAR_SITE_DATA = '"cookies": the browser drops this site\'s cookies too';
