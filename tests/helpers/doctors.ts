import { eq } from "drizzle-orm";
import * as signupDoctorRoute from "@/app/api/auth/signup-doctor/route";
import { doctorProfiles } from "@/lib/db/schema";
import { confirmSignup } from "./accounts";
import { GOOD_PASSWORD, uniqueEmail, uniqueLicense } from "./data";
import { db } from "./db";
import { call } from "./http";
import { mail } from "./mail";
import { codeFrom } from "./smtp";

/** Doctor accounts: signed up through the real API; approval set directly (as an admin would). */

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
  return { ...d, ...(await confirmSignup(d.email, d.code)) };
}

/** Sets a doctor's approval directly in the database (the admin API is a later milestone). */
export async function setApproval(userId: string, approval: "pending" | "approved" | "rejected") {
  await (await db()).update(doctorProfiles).set({ approval, decidedAt: approval === "pending" ? null : new Date() }).where(eq(doctorProfiles.userId, userId));
}
