import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import * as signupDoctorRoute from "@/app/api/auth/signup-doctor/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import { doctorProfiles, throttles, users } from "@/lib/db/schema";
import { GOOD_PASSWORD } from "./accounts";
import { db } from "./db";
import { call, uniqueEmail } from "./http";
import { mail } from "./mail";
import { codeFrom } from "./smtp";

/** A licence number no other test uses (already in normalised form: upper-case, no spaces). */
export const uniqueLicense = () => `MD${randomInt(10 ** 9, 10 ** 10)}`;

/** Signs a doctor up through the real API and returns the code that arrived by SMTP (the n-th email to that address). */
export async function signUpDoctor(overrides: Record<string, unknown> = {}, emailNumber = 1) {
  const email = (overrides.email as string | undefined) ?? uniqueEmail("doctor");
  const body = {
    name: "Test Doctor",
    email,
    password: GOOD_PASSWORD,
    specialty: "Cardiology",
    licenseNumber: uniqueLicense(),
    ...overrides,
  };
  const res = await call(signupDoctorRoute, "POST", { body });
  if (res.status !== 201) throw new Error(`doctor signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const code = codeFrom(await mail.waitFor(email, emailNumber));
  return {
    email,
    password: body.password as string,
    code,
    specialty: body.specialty as string,
    licenseNumber: body.licenseNumber as string,
  };
}

/** A verified, signed-in doctor (approval pending): { email, password, licenseNumber, token, cookie, user }. */
export async function verifiedDoctor(overrides: Record<string, unknown> = {}) {
  const d = await signUpDoctor(overrides);
  const res = await call(verifyRoute, "POST", { body: { email: d.email, code: d.code } });
  if (res.status !== 200) throw new Error(`doctor verify failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...d, token: res.body.token as string, cookie: res.cookie!.split(";")[0]!, user: res.body.user };
}

/** The user row and doctor profile row (or undefined) of an email. */
export async function accountRows(email: string) {
  const d = await db();
  const [user] = await d.select().from(users).where(eq(users.email, email));
  const [profile] = user ? await d.select().from(doctorProfiles).where(eq(doctorProfiles.userId, user.id)) : [];
  return { user, profile };
}

/** Ends the signup-code resend cooldown of an email, so that a repeated signup is not silently ignored. */
export async function clearSignupCooldown(email: string) {
  await (await db()).delete(throttles).where(eq(throttles.key, `code-cooldown:signup:${email}`));
}

/** Sets a doctor's approval directly in the database (the admin API is a later milestone). */
export async function setApproval(userId: string, approval: "pending" | "approved" | "rejected") {
  await (await db()).update(doctorProfiles).set({ approval, decidedAt: approval === "pending" ? null : new Date() }).where(eq(doctorProfiles.userId, userId));
}
