import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as loginRoute from "@/app/api/auth/login/route";
import * as logoutRoute from "@/app/api/auth/logout/route";
import * as resendRoute from "@/app/api/auth/resend-otp/route";
import * as sessionsRoute from "@/app/api/auth/sessions/route";
import * as sessionRoute from "@/app/api/auth/sessions/[id]/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import * as meRoute from "@/app/api/users/me/route";
import { doctorProfiles, users } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { passCodeCooldown } from "../helpers/arrange";
import { accountRows, db } from "../helpers/db";
import { setApproval, signUpDoctor, verifiedDoctor } from "../helpers/doctors";
import { call } from "../helpers/http";
import { mail } from "../helpers/mail";
import { codeFrom } from "../helpers/smtp";
import { sessionCookieName } from "@/lib/auth/session/cookie";

const PUBLIC_PATIENT_KEYS = ["createdAt", "deletionScheduledFor", "dob", "email", "emailVerifiedAt", "gender", "id", "locale", "name", "phone", "role", "status"];
const PUBLIC_DOCTOR_KEYS = [...PUBLIC_PATIENT_KEYS, "approval", "licenseNumber", "specialty"].sort();

/** Secrets and internals that must never appear in a user object, at any depth of the JSON. */
function expectNoSecrets(body: unknown) {
  const text = JSON.stringify(body);
  for (const key of ["passwordHash", "password_hash", "tokenVersion", "token_version", "licenseVerified", "codeHash", "$argon2"]) {
    expect(text).not.toContain(key);
  }
}

describe("doctors share sign-in, resend and sessions with patients", () => {
  it("login answers 200 with the doctor fields and a working token", async () => {
    const d = await verifiedDoctor({ specialty: "Neurology" });
    const res = await call(loginRoute, "POST", { body: { email: d.email, password: d.password } });
    expect(res.status).toBe(200);
    expect(res.cookie).toMatch(new RegExp(`^${sessionCookieName()}=`));
    expect(res.body.user).toMatchObject({
      id: d.user.id,
      role: "doctor",
      specialty: "Neurology",
      licenseNumber: d.licenseNumber,
      approval: "pending",
    });
    expect(Object.keys(res.body.user).sort()).toEqual(PUBLIC_DOCTOR_KEYS);
    expectNoSecrets(res.body.user);
    const me = await call(meRoute, "GET", { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(d.user.id);
  });

  it("a pending doctor can sign in (approval only gates doctor-only APIs)", async () => {
    const d = await verifiedDoctor();
    const res = await call(loginRoute, "POST", { body: { email: d.email, password: d.password } });
    expect(res.status).toBe(200);
    expect(res.body.user.approval).toBe("pending");
  });

  it("a rejected doctor can still sign in and sees approval rejected", async () => {
    const d = await verifiedDoctor();
    await setApproval(d.user.id, "rejected");
    const res = await call(loginRoute, "POST", { body: { email: d.email, password: d.password } });
    expect(res.status).toBe(200);
    expect(res.body.user.approval).toBe("rejected");
  });

  it("login before the email is confirmed is 403 EMAIL_NOT_VERIFIED (right password only)", async () => {
    const d = await signUpDoctor();
    const res = await call(loginRoute, "POST", { body: { email: d.email, password: d.password } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("EMAIL_NOT_VERIFIED");
    const wrong = await call(loginRoute, "POST", { body: { email: d.email, password: "Not-The-Password-99" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe("INVALID_CREDENTIALS");
  });

  it("resend-otp sends a fresh code that verifies the doctor; the old one is void", async () => {
    const d = await signUpDoctor();
    const early = await call(resendRoute, "POST", { body: { email: d.email } });
    expect(early.status).toBe(429);
    expect(early.body.code).toBe("RESEND_TOO_SOON");

    await passCodeCooldown(d.email);
    const res = await call(resendRoute, "POST", { body: { email: d.email } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    const code2 = codeFrom(await mail.waitFor(d.email, 2));
    if (code2 !== d.code) {
      const old = await call(verifyRoute, "POST", { body: { email: d.email, code: d.code } });
      expect(old.status).toBe(400);
      expect(old.body.code).toBe("INVALID_CODE");
    }
    const ok = await call(verifyRoute, "POST", { body: { email: d.email, code: code2 } });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ role: "doctor", licenseNumber: d.licenseNumber, approval: "pending" });
    // The resend did not touch the profile.
    expect((await accountRows(d.email)).profile).toMatchObject({ specialty: d.specialty, licenseNumber: d.licenseNumber, licenseVerified: true });
  });

  it("sessions: listed, ended one by one and by logout", async () => {
    const d = await verifiedDoctor();
    const second = await call(loginRoute, "POST", { body: { email: d.email, password: d.password } });
    expect(second.status).toBe(200);

    const list = await call(sessionsRoute, "GET", { token: d.token });
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(2);
    expect(list.body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = list.body.sessions.find((s: { current: boolean }) => !s.current);

    const del = await call(sessionRoute, "DELETE", { token: d.token, params: { id: other.id } });
    expect(del.status).toBe(200);
    expect((await call(meRoute, "GET", { token: second.body.token })).status).toBe(401);

    const out = await call(logoutRoute, "POST", { token: d.token });
    expect(out.status).toBe(200);
    const me = await call(meRoute, "GET", { token: d.token });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe("UNAUTHENTICATED");
  });

  it("the session cookie works for a doctor too", async () => {
    const d = await verifiedDoctor();
    const me = await call(meRoute, "GET", { cookie: d.cookie });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ role: "doctor", licenseNumber: d.licenseNumber });
  });
});

describe("GET /api/users/me for a doctor", () => {
  it("returns exactly the public fields plus specialty, licenseNumber and approval", async () => {
    const d = await verifiedDoctor({ specialty: "Geriatrics", name: "Dr Ngozi Okafor" });
    const me = await call(meRoute, "GET", { token: d.token });
    expect(me.status).toBe(200);
    expect(Object.keys(me.body.user).sort()).toEqual(PUBLIC_DOCTOR_KEYS);
    expect(me.body.user).toMatchObject({
      id: d.user.id,
      email: d.email,
      name: "Dr Ngozi Okafor",
      role: "doctor",
      status: "active",
      specialty: "Geriatrics",
      licenseNumber: d.licenseNumber,
      approval: "pending",
    });
    expectNoSecrets(me.body);
  });

  it("reflects an approval decision made after sign-in", async () => {
    const d = await verifiedDoctor();
    await setApproval(d.user.id, "approved");
    expect((await call(meRoute, "GET", { token: d.token })).body.user.approval).toBe("approved");
    await setApproval(d.user.id, "rejected");
    expect((await call(meRoute, "GET", { token: d.token })).body.user.approval).toBe("rejected");
  });

  it("without a session is 401", async () => {
    const me = await call(meRoute, "GET");
    expect(me.status).toBe(401);
    expect(me.body.code).toBe("UNAUTHENTICATED");
  });
});

describe("PATCH /api/users/me for a doctor", () => {
  it("changes the specialty (trimmed) and the patient fields together", async () => {
    const d = await verifiedDoctor({ specialty: "Cardiology" });
    const res = await call(meRoute, "PATCH", { token: d.token, body: { specialty: "  Sports Medicine ", name: "Dr Renamed" } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ specialty: "Sports Medicine", name: "Dr Renamed", licenseNumber: d.licenseNumber, approval: "pending" });
    expect(Object.keys(res.body.user).sort()).toEqual(PUBLIC_DOCTOR_KEYS);
    expectNoSecrets(res.body);
    const { user, profile } = await accountRows(d.email);
    expect(user!.name).toBe("Dr Renamed");
    expect(profile!.specialty).toBe("Sports Medicine");
    expect((await call(meRoute, "GET", { token: d.token })).body.user.specialty).toBe("Sports Medicine");
  });

  it("rejects an invalid specialty with 400 VALIDATION_FAILED and changes nothing", async () => {
    const d = await verifiedDoctor({ specialty: "Cardiology" });
    for (const specialty of ["", "x", "a".repeat(101), null, 7]) {
      const res = await call(meRoute, "PATCH", { token: d.token, body: { specialty } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(res.body.fields)).toEqual(["specialty"]);
    }
    expect((await accountRows(d.email)).profile!.specialty).toBe("Cardiology");
  });

  it("ignores licenseNumber, approval and other server-owned fields: 200 and the database unchanged", async () => {
    const d = await verifiedDoctor({ specialty: "Cardiology" });
    const before = await accountRows(d.email);
    const res = await call(meRoute, "PATCH", {
      token: d.token,
      body: {
        licenseNumber: "HACKED123",
        approval: "approved",
        licenseVerified: false,
        decidedBy: d.user.id,
        decidedAt: new Date().toISOString(),
        role: "admin",
        tokenVersion: 5,
        emailVerifiedAt: null,
        email: "someone-else@example.test",
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: "doctor", licenseNumber: d.licenseNumber, approval: "pending", email: d.email });
    const after = await accountRows(d.email);
    expect(after.profile).toEqual(before.profile);
    expect(after.user).toMatchObject({
      role: "doctor",
      email: d.email,
      tokenVersion: before.user!.tokenVersion,
      emailVerifiedAt: before.user!.emailVerifiedAt,
    });
    expect((await call(meRoute, "GET", { token: d.token })).status).toBe(200);
  });

  it("ignores the licence even alongside a real change", async () => {
    const d = await verifiedDoctor({ specialty: "Cardiology" });
    const res = await call(meRoute, "PATCH", { token: d.token, body: { specialty: "Oncology", licenseNumber: "OTHER999", approval: "approved" } });
    expect(res.status).toBe(200);
    expect((await accountRows(d.email)).profile).toMatchObject({ specialty: "Oncology", licenseNumber: d.licenseNumber, approval: "pending" });
  });
});

describe("PATCH /api/users/me for a patient", () => {
  it("a specialty changes nothing and the answer carries no doctor fields", async () => {
    const p = await verifiedPatient({ name: "Plain Patient" });
    const res = await call(meRoute, "PATCH", { token: p.token, body: { specialty: "Surgery", licenseNumber: "AB12345", approval: "approved" } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.user).sort()).toEqual(PUBLIC_PATIENT_KEYS);
    expect(res.body.user).toMatchObject({ role: "patient", name: "Plain Patient" });
    expectNoSecrets(res.body);

    const d = await db();
    const [row] = await d.select().from(users).where(eq(users.email, p.email));
    expect(row!.role).toBe("patient");
    expect(await d.select().from(doctorProfiles).where(eq(doctorProfiles.userId, row!.id))).toEqual([]);

    const me = await call(meRoute, "GET", { token: p.token });
    expect(Object.keys(me.body.user).sort()).toEqual(PUBLIC_PATIENT_KEYS);
  });
});
