import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as signupDoctorRoute from "@/app/api/auth/signup-doctor/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import { doctorProfiles, verificationCodes } from "@/lib/db/schema";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { forgotVerify, login, me, pair, requestReset, resetWithLink } from "../helpers/api";
import { secondsAgo } from "../helpers/arrange";
import { GOOD_PASSWORD, NEW_PASSWORD, uniqueEmail } from "../helpers/data";
import { auditTypes, db, userRow } from "../helpers/db";
import { call } from "../helpers/http";
import { mail } from "../helpers/mail";
import { codeFrom } from "../helpers/smtp";

describe("POST /api/auth/reset-password/{token}", () => {
  it("sets the password from the link, ends every session, emails a notice and kills the code", async () => {
    const p = await verifiedPatient();
    const second = await login(p.email, p.password);
    const { code, token } = await requestReset(p.email, 2);

    const res = await resetWithLink(token, pair(NEW_PASSWORD));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: expect.any(String) });
    expect(res.cookie).toBeNull();

    expect((await me(p.token)).status).toBe(401);
    expect((await me(second.body.token)).status).toBe(401);
    expect((await login(p.email, p.password)).status).toBe(401);
    expect((await login(p.email, NEW_PASSWORD)).status).toBe(200);
    expect((await mail.waitFor(p.email, 3)).subject).toMatch(/password was changed/i);

    const byCode = await forgotVerify({ email: p.email, code, ...pair("Another-Fresh-Password-9") });
    expect(byCode.status).toBe(400);
    expect(byCode.body.code).toBe("INVALID_CODE");
    expect(await auditTypes((await userRow(p.email))!.id)).toContain("password_reset");
  });

  it("uses a link once", async () => {
    const p = await verifiedPatient();
    const { token } = await requestReset(p.email, 2);
    expect((await resetWithLink(token, pair(NEW_PASSWORD))).status).toBe(200);
    const again = await resetWithLink(token, pair("Another-Fresh-Password-9"));
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("INVALID_TOKEN");
    expect((await login(p.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("refuses an expired link", async () => {
    const p = await verifiedPatient();
    const { token } = await requestReset(p.email, 2);
    const user = await userRow(p.email);
    await (await db())
      .update(verificationCodes)
      .set({ expiresAt: secondsAgo(1) })
      .where(and(eq(verificationCodes.userId, user!.id), eq(verificationCodes.purpose, "reset")));
    const res = await resetWithLink(token, pair(NEW_PASSWORD));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("INVALID_TOKEN");
    expect((await login(p.email, p.password)).status).toBe(200);
  });

  it("refuses malformed and unknown tokens with the same INVALID_TOKEN", async () => {
    const malformed = await resetWithLink("not-a-token", pair(NEW_PASSWORD));
    const unknown = await resetWithLink(randomBytes(32).toString("base64url"), pair(NEW_PASSWORD));
    for (const res of [malformed, unknown]) {
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: expect.any(String), code: "INVALID_TOKEN" });
    }
  });

  it("of 20 parallel uses of one link exactly one succeeds", async () => {
    const p = await verifiedPatient();
    const { token } = await requestReset(p.email, 2);
    const passwords = Array.from({ length: 20 }, (_, i) => `Parallel-Reset-Pass-${i}`);
    const results = await Promise.all(passwords.map((pw) => resetWithLink(token, pair(pw))));
    const ok = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
    expect(ok).toHaveLength(1);
    for (const r of results) if (r.status !== 200) expect(r.body.code).toBe("INVALID_TOKEN");
    expect((await login(p.email, passwords[ok[0]!]!)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 250));
    expect(mail.to(p.email).filter((m) => /password was changed/i.test(m.subject))).toHaveLength(1);
  });

  it("PASSWORD_MISMATCH and WEAK_PASSWORD (checked against the account's email) leave the link usable", async () => {
    const p = await verifiedPatient();
    const { token } = await requestReset(p.email, 2);
    const local = p.email.split("@")[0]!;

    const mismatch = await resetWithLink(token, pair(NEW_PASSWORD, "Something-Else-Entirely-1"));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.code).toBe("PASSWORD_MISMATCH");
    for (const weak of ["iloveyou", "short", `${local.toUpperCase()}-2024!`]) {
      const res = await resetWithLink(token, pair(weak));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("WEAK_PASSWORD");
      expect(res.body.fields.password).toEqual(expect.any(String));
    }
    expect((await resetWithLink(token, pair(NEW_PASSWORD))).status).toBe(200);
    expect((await login(p.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("verifies an unverified account's email", async () => {
    const s = await signUpPatient();
    const { token } = await requestReset(s.email, 2);
    expect((await resetWithLink(token, pair(NEW_PASSWORD))).status).toBe(200);
    expect((await userRow(s.email))!.emailVerifiedAt).not.toBeNull();
    expect((await login(s.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("verifying an unverified doctor by reset also verifies the licence claim, as confirming the signup code does", async () => {
    const email = uniqueEmail("doctor");
    const licenseNumber = `MD${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const body = { name: "Dr Reset", email, password: GOOD_PASSWORD, specialty: "Cardiology", licenseNumber };
    expect((await call(signupDoctorRoute, "POST", { body })).status).toBe(201);
    const { token } = await requestReset(email, 2);
    expect((await resetWithLink(token, pair(NEW_PASSWORD))).status).toBe(200);
    const user = await userRow(email);
    const [profile] = await (await db()).select().from(doctorProfiles).where(eq(doctorProfiles.userId, user!.id));
    expect(user!.emailVerifiedAt).not.toBeNull();
    expect(profile!.licenseVerified).toBe(true);
  });

  it("still resets when a verified doctor took the licence meanwhile; the claim then stays unverified", async () => {
    const licenseNumber = `MD${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const doctor = (email: string) => ({ name: "Dr Claim", email, password: GOOD_PASSWORD, specialty: "Cardiology", licenseNumber });
    const late = uniqueEmail("doctor");
    const holder = uniqueEmail("doctor");
    expect((await call(signupDoctorRoute, "POST", { body: doctor(late) })).status).toBe(201);
    expect((await call(signupDoctorRoute, "POST", { body: doctor(holder) })).status).toBe(201);
    const code = codeFrom(await mail.waitFor(holder));
    expect((await call(verifyRoute, "POST", { body: { email: holder, code } })).status).toBe(200);

    const { token } = await requestReset(late, 2);
    expect((await resetWithLink(token, pair(NEW_PASSWORD))).status).toBe(200);
    const user = await userRow(late);
    const [profile] = await (await db()).select().from(doctorProfiles).where(eq(doctorProfiles.userId, user!.id));
    expect(user!.emailVerifiedAt).not.toBeNull();
    expect(profile!.licenseVerified).toBe(false);
  });
});
