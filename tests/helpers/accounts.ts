import * as signupRoute from "@/app/api/auth/signup/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import { GOOD_PASSWORD, uniqueEmail } from "./data";
import { call, cookiePair } from "./http";
import { mail } from "./mail";
import { codeFrom } from "./smtp";

/**
 * Patient accounts, made through the real signup and verify routes (the code comes by SMTP).
 * Doctors are in doctors.ts; admin helpers belong beside them in an admins.ts.
 */

/** Signs a patient up through the real API and returns the code that arrived by SMTP. */
export async function signUpPatient(overrides: Record<string, unknown> = {}) {
  const email = (overrides.email as string | undefined) ?? uniqueEmail();
  const body = { name: "Test Patient", email, password: GOOD_PASSWORD, ...overrides };
  const res = await call(signupRoute, "POST", { body });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const code = codeFrom(await mail.waitFor(email));
  return { email, password: body.password as string, code };
}

/** Confirms a signup code and returns the session it opens: { token, cookie, user }. */
export async function confirmSignup(email: string, code: string) {
  const res = await call(verifyRoute, "POST", { body: { email, code } });
  if (res.status !== 200) throw new Error(`verify failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token as string, cookie: cookiePair(res.cookie), user: res.body.user };
}

/** A verified, signed-in patient: { email, password, token, cookie, user }. */
export async function verifiedPatient(overrides: Record<string, unknown> = {}) {
  const { email, password, code } = await signUpPatient(overrides);
  return { email, password, ...(await confirmSignup(email, code)) };
}
