import { describe, expect, it } from "vitest";
import * as signupRoute from "@/app/api/auth/signup/route";
import * as signupDoctorRoute from "@/app/api/auth/signup-doctor/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { passCodeCooldown } from "../helpers/arrange";
import { GOOD_PASSWORD, uniqueEmail, uniqueLicense } from "../helpers/data";
import { accountRows } from "../helpers/db";
import { signUpDoctor } from "../helpers/doctors";
import { call } from "../helpers/http";
import { mail, settle } from "../helpers/mail";
import { codeFrom } from "../helpers/smtp";
import { sessionCookieName } from "@/lib/auth/session/cookie";

const PUBLIC_DOCTOR_KEYS = [
  "approval",
  "createdAt",
  "deletionScheduledFor",
  "dob",
  "email",
  "emailVerifiedAt",
  "gender",
  "id",
  "licenseNumber",
  "locale",
  "name",
  "phone",
  "role",
  "specialty",
  "status",
];

const doctorBody = (overrides: Record<string, unknown> = {}) => ({
  name: "Dr Test",
  email: uniqueEmail("doctor"),
  password: GOOD_PASSWORD,
  specialty: "Cardiology",
  licenseNumber: uniqueLicense(),
  ...overrides,
});

describe("POST /api/auth/signup-doctor", () => {
  it("answers 201 { success, email } and emails a 6-digit code", async () => {
    const body = doctorBody({ email: `  Dr.${uniqueEmail("Case")}  ` });
    const email = body.email.trim().toLowerCase();
    const res = await call(signupDoctorRoute, "POST", { body });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: true, email, signupId: expect.any(String) });
    const msg = await mail.waitFor(email);
    expect(codeFrom(msg)).toMatch(/^\d{6}$/);
  });

  it("stores role doctor and a pending, unverified profile with the normalised licence", async () => {
    const body = doctorBody({ licenseNumber: " ab 12 345 ", specialty: "  Paediatric Neurology  ", phone: "+44 20 7946 0000" });
    const res = await call(signupDoctorRoute, "POST", { body });
    expect(res.status).toBe(201);
    const { user, profile } = await accountRows(body.email);
    expect(user).toMatchObject({ role: "doctor", emailVerifiedAt: null, status: "active", name: "Dr Test", phone: "+44 20 7946 0000" });
    expect(profile).toEqual({
      userId: user!.id,
      specialty: "Paediatric Neurology",
      licenseNumber: "AB12345",
      licenseVerified: false,
      approval: "pending",
      decidedBy: null,
      decidedAt: null,
      rejectionReason: null,
    });
  });

  it("removes every inner run of spaces and upper-cases, keeping dashes, dots and slashes", async () => {
    const tail = uniqueLicense().slice(2);
    const body = doctorBody({ licenseNumber: `\t gmc-${tail.slice(0, 4)}   ${tail.slice(4)}/a.b  \n` });
    expect((await call(signupDoctorRoute, "POST", { body })).status).toBe(201);
    const { profile } = await accountRows(body.email);
    expect(profile!.licenseNumber).toBe(`GMC-${tail}/A.B`);
  });

  it("refuses a tab or line break inside the licence (control characters, docs/RULES.md \"Request bodies\")", async () => {
    const tail = uniqueLicense().slice(2);
    const body = doctorBody({ licenseNumber: `GMC-${tail.slice(0, 4)}\n${tail.slice(4)}` });
    const res = await call(signupDoctorRoute, "POST", { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "VALIDATION_FAILED", fields: { licenseNumber: expect.any(String) } });
    expect((await accountRows(body.email)).user).toBeUndefined();
  });

  it("accepts a licence of 30 characters once its spaces are removed", async () => {
    const lic = `${uniqueLicense()}${"7".repeat(18)}`; // 12 + 18 = 30
    expect(lic).toHaveLength(30);
    const body = doctorBody({ licenseNumber: `${lic.slice(0, 15)} ${lic.slice(15)}` });
    expect((await call(signupDoctorRoute, "POST", { body })).status).toBe(201);
    expect((await accountRows(body.email)).profile!.licenseNumber).toBe(lic);
  });

  const badSpecialty: [string, unknown][] = [
    ["missing", undefined],
    ["empty", ""],
    ["blank", "   "],
    ["one character", "x"],
    ["over 100 characters", "a".repeat(101)],
    ["a number", 42],
    ["null", null],
    ["an array", ["Cardiology"]],
  ];
  it.each(badSpecialty)("rejects a specialty that is %s: 400 VALIDATION_FAILED with fields.specialty, nothing saved or sent", async (_, specialty) => {
    const body = doctorBody({ specialty });
    if (specialty === undefined) delete (body as Record<string, unknown>).specialty;
    const res = await call(signupDoctorRoute, "POST", { body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(typeof res.body.error).toBe("string");
    expect(Object.keys(res.body.fields)).toEqual(["specialty"]);
    expect(typeof res.body.fields.specialty).toBe("string");
    expect((await accountRows(body.email)).user).toBeUndefined();
    await settle();
    expect(mail.to(body.email)).toHaveLength(0);
  });

  const badLicense: [string, unknown][] = [
    ["missing", undefined],
    ["empty", ""],
    ["only spaces", "    "],
    ["two characters", "A1"],
    ["two characters padded with spaces", " a 1 "],
    ["over 30 characters without spaces", "A".repeat(31)],
    ["made of symbols it does not allow", "AB#12345"],
    ["starting with a dash", "-12345"],
    ["non-ASCII", "ÄB12345"],
    // Letters whose upper case is ASCII must not sneak in as other licences ("ß" → "SS", "ﬁ" → "FI", "ı" → "I").
    ["non-ASCII that upper-cases to ASCII (ß)", "straße123"],
    ["a ligature that upper-cases to ASCII (ﬁ)", "ﬁ12345"],
    ["a dotless i", "ı12345"],
    ["a long s", "ſ12345"],
    ["a number", 12345678],
    ["null", null],
    ["an object", { value: "AB12345" }],
  ];
  it.each(badLicense)("rejects a licence number that is %s: 400 VALIDATION_FAILED with fields.licenseNumber", async (_, licenseNumber) => {
    const body = doctorBody({ licenseNumber });
    if (licenseNumber === undefined) delete (body as Record<string, unknown>).licenseNumber;
    const res = await call(signupDoctorRoute, "POST", { body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(res.body.fields)).toEqual(["licenseNumber"]);
    expect(typeof res.body.fields.licenseNumber).toBe("string");
    expect((await accountRows(body.email)).user).toBeUndefined();
    await settle();
    expect(mail.to(body.email)).toHaveLength(0);
  });

  it("names both fields when both are missing", async () => {
    const body: Record<string, unknown> = doctorBody();
    delete body.specialty;
    delete body.licenseNumber;
    const res = await call(signupDoctorRoute, "POST", { body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(res.body.fields).sort()).toEqual(["licenseNumber", "specialty"]);
  });

  it("still applies the patient rules (a weak password is 400 WEAK_PASSWORD)", async () => {
    const body = doctorBody({ password: "password123" });
    const res = await call(signupDoctorRoute, "POST", { body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("WEAK_PASSWORD");
    expect(res.body.fields).toHaveProperty("password");
    expect((await accountRows(body.email)).user).toBeUndefined();
  });

  it("ignores role, approval, licenseVerified and other server-owned fields in the body", async () => {
    const body = doctorBody({
      role: "admin",
      approval: "approved",
      licenseVerified: true,
      emailVerifiedAt: new Date().toISOString(),
      status: "suspended",
      tokenVersion: 99,
      decidedBy: "00000000-0000-4000-8000-000000000000",
      decidedAt: new Date().toISOString(),
    });
    const res = await call(signupDoctorRoute, "POST", { body });
    expect(res.status).toBe(201);
    const { user, profile } = await accountRows(body.email);
    expect(user).toMatchObject({ role: "doctor", emailVerifiedAt: null, status: "active", tokenVersion: 0 });
    expect(profile).toMatchObject({ approval: "pending", licenseVerified: false, decidedBy: null, decidedAt: null });
  });

  it("answers 409 EMAIL_TAKEN for a verified account's email and creates no profile", async () => {
    const p = await verifiedPatient();
    const res = await call(signupDoctorRoute, "POST", { body: doctorBody({ email: p.email }) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("EMAIL_TAKEN");
    const { user, profile } = await accountRows(p.email);
    expect(user!.role).toBe("patient");
    expect(profile).toBeUndefined();
  });

  it("the patient signup ignores doctor fields: a patient with no profile", async () => {
    const email = uniqueEmail("patient");
    const res = await call(signupRoute, "POST", {
      body: { name: "Pat", email, password: GOOD_PASSWORD, specialty: "Cardiology", licenseNumber: uniqueLicense() },
    });
    expect(res.status).toBe(201);
    const { user, profile } = await accountRows(email);
    expect(user!.role).toBe("patient");
    expect(profile).toBeUndefined();
  });
});

describe("verifying a doctor's signup code", () => {
  it("signs the doctor in; the user has role doctor, specialty, licence and approval pending", async () => {
    const d = await signUpDoctor({ licenseNumber: ` ${uniqueLicense().toLowerCase()} `, specialty: "Dermatology" });
    const normalised = d.licenseNumber.trim().toUpperCase();
    const res = await call(verifyRoute, "POST", { body: { email: d.email, code: d.code } });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(typeof res.body.token).toBe("string");
    expect(res.cookie).toMatch(new RegExp(`^${sessionCookieName()}=`));
    expect(res.body.user).toMatchObject({
      email: d.email,
      role: "doctor",
      specialty: "Dermatology",
      licenseNumber: normalised,
      approval: "pending",
      status: "active",
    });
    expect(res.body.user.emailVerifiedAt).not.toBeNull();
    expect(Object.keys(res.body.user).sort()).toEqual(PUBLIC_DOCTOR_KEYS);
    expect(res.body.user).not.toHaveProperty("passwordHash");
    expect(res.body.user).not.toHaveProperty("tokenVersion");

    const { user, profile } = await accountRows(d.email);
    expect(user!.emailVerifiedAt).not.toBeNull();
    expect(profile).toMatchObject({ licenseNumber: normalised, licenseVerified: true, approval: "pending" });
  });
});

describe("signing up again on an unverified email", () => {
  it("replaces the doctor's name, specialty and licence; only the newest code works", async () => {
    const first = await signUpDoctor({ specialty: "Cardiology" });
    await passCodeCooldown(first.email);
    const newLicense = uniqueLicense();
    const res = await call(signupDoctorRoute, "POST", {
      body: doctorBody({ email: first.email, name: "Dr Second", specialty: "Oncology", licenseNumber: newLicense.toLowerCase() }),
    });
    expect(res.status).toBe(201);
    const code2 = codeFrom(await mail.waitFor(first.email, 2));

    const { user, profile } = await accountRows(first.email);
    expect(user).toMatchObject({ name: "Dr Second", role: "doctor", emailVerifiedAt: null });
    expect(profile).toMatchObject({ specialty: "Oncology", licenseNumber: newLicense, licenseVerified: false, approval: "pending" });

    if (code2 !== first.code) {
      const old = await call(verifyRoute, "POST", { body: { email: first.email, code: first.code } });
      expect(old.status).toBe(400);
      expect(old.body.code).toBe("INVALID_CODE");
    }
    const ok = await call(verifyRoute, "POST", { body: { email: first.email, code: code2, signupId: res.body.signupId } });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ name: "Dr Second", specialty: "Oncology", licenseNumber: newLicense });
  });

  it("inside the resend cooldown answers 201, sends nothing and changes nothing", async () => {
    const first = await signUpDoctor({ specialty: "Cardiology" });
    const res = await call(signupDoctorRoute, "POST", {
      body: doctorBody({ email: first.email, specialty: "Oncology", licenseNumber: uniqueLicense() }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: true, email: first.email, signupId: expect.any(String) });
    await settle();
    expect(mail.to(first.email)).toHaveLength(1);
    expect((await accountRows(first.email)).profile).toMatchObject({ specialty: "Cardiology", licenseNumber: first.licenseNumber });
  });

  it("as a patient turns the unverified doctor into a patient with no profile", async () => {
    const d = await signUpDoctor();
    await passCodeCooldown(d.email);
    const res = await call(signupRoute, "POST", { body: { name: "Now Patient", email: d.email, password: GOOD_PASSWORD } });
    expect(res.status).toBe(201);
    const code2 = codeFrom(await mail.waitFor(d.email, 2));
    const { user, profile } = await accountRows(d.email);
    expect(user).toMatchObject({ role: "patient", name: "Now Patient", emailVerifiedAt: null });
    expect(profile).toBeUndefined();

    const ok = await call(verifyRoute, "POST", { body: { email: d.email, code: code2, signupId: res.body.signupId } });
    expect(ok.status).toBe(200);
    expect(ok.body.user.role).toBe("patient");
    expect(ok.body.user).not.toHaveProperty("specialty");
    expect(ok.body.user).not.toHaveProperty("licenseNumber");
    expect(ok.body.user).not.toHaveProperty("approval");
  });

  it("as a doctor turns an unverified patient into a doctor with a pending profile", async () => {
    const p = await signUpPatient();
    await passCodeCooldown(p.email);
    const lic = uniqueLicense();
    const res = await call(signupDoctorRoute, "POST", { body: doctorBody({ email: p.email, licenseNumber: lic }) });
    expect(res.status).toBe(201);
    await mail.waitFor(p.email, 2);
    const { user, profile } = await accountRows(p.email);
    expect(user!.role).toBe("doctor");
    expect(profile).toMatchObject({ licenseNumber: lic, approval: "pending", licenseVerified: false });
  });
});
