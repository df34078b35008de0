import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as resendRoute from "@/app/api/auth/resend-otp/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import { sessions, users, verificationCodes } from "@/lib/db/schema";
import { signUpPatient } from "../helpers/accounts";
import { passCodeCooldown, secondsAgo } from "../helpers/arrange";
import { uniqueEmail } from "../helpers/data";
import { db, userRow } from "../helpers/db";
import { call, sessionIdOf } from "../helpers/http";
import { mail } from "../helpers/mail";
import { codeFrom, otherCode } from "../helpers/smtp";
import { sessionCookieName } from "@/lib/auth/session/cookie";

const verify = (email: string, code: unknown) => call(verifyRoute, "POST", { body: { email, code } });

/** Resends after the cooldown and returns the n-th code emailed to the address. */
async function freshCode(email: string, n: number) {
  await passCodeCooldown(email);
  expect((await call(resendRoute, "POST", { body: { email } })).status).toBe(200);
  return codeFrom(await mail.waitFor(email, n));
}

async function expectInvalidCode(email: string, code: unknown) {
  const res = await verify(email, code);
  expect(res.status).toBe(400);
  expect(res.body).toEqual({ error: expect.any(String), code: "INVALID_CODE" });
}

describe("verify-otp: the right code", () => {
  it("answers 200 { success, user, token }, verifies the email and sets the session cookie", async () => {
    const { email, code } = await signUpPatient();
    const res = await verify(email, code);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, user: expect.objectContaining({ email, role: "patient" }), token: expect.any(String) });
    expect(res.body.user).not.toHaveProperty("passwordHash");
    expect(res.body.user).not.toHaveProperty("tokenVersion");

    const attrs = res.cookie!.split(";").map((s) => s.trim());
    expect(attrs[0]).toBe(`${sessionCookieName()}=${res.body.token}`);
    expect(attrs).toContain("HttpOnly");
    expect(attrs).toContain("SameSite=Lax");
    expect(attrs).toContain("Path=/");
    expect(attrs.map((a) => a.toLowerCase())).not.toContain("secure"); // APP_URL is http://localhost

    const u = (await userRow(email))!;
    expect(u.emailVerifiedAt).toBeInstanceOf(Date);
    const rows = await (await db()).select().from(sessions).where(eq(sessions.userId, u.id));
    expect(rows.map((s) => s.id)).toEqual([sessionIdOf(res.body.token)]);
  });

  it("reads a code typed with Arabic-Indic digits as the ASCII code it is", async () => {
    const { email, code } = await signUpPatient();
    const arabic = code.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const res = await verify(email, arabic);
    expect(res.status).toBe(200);
    expect((await userRow(email))!.emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("reads a code typed with Persian digits too", async () => {
    const { email, code } = await signUpPatient();
    expect((await verify(email, code.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d))))).status).toBe(200);
  });

  it("accepts a code with leading zeros", async () => {
    const { email } = await signUpPatient();
    // Nobody can choose the code, so arrange one: a code starting with 0 must verify as the string it is.
    await passCodeCooldown(email);
    let code = "";
    // One code in ten starts with 0: 150 tries make a miss (0.9^148 ≈ 2e-7) practically impossible,
    // while a typical run needs about ten.
    for (let n = 2; n < 150 && !code.startsWith("0"); n++) {
      await call(resendRoute, "POST", { body: { email } });
      code = codeFrom(await mail.waitFor(email, n));
      if (!code.startsWith("0")) {
        await passCodeCooldown(email);
        await (await db()).execute(sql`delete from throttles where key like ${"%hour%:" + email}`);
      }
    }
    if (!code.startsWith("0")) return expect.fail("no code with a leading zero in 148 tries");
    expect((await verify(email, code)).status).toBe(200);
  }, 120_000);
});

describe("verify-otp: rejected codes", () => {
  it("answers 400 INVALID_CODE to a wrong code, and the same status and body for an unknown email", async () => {
    const { email, code } = await signUpPatient();
    const wrong = await verify(email, otherCode(code));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: expect.any(String), code: "INVALID_CODE" });
    const unknown = await verify(uniqueEmail("nobody"), code);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    expect((await userRow(email))!.emailVerifiedAt).toBeNull();
  });

  it("answers 400 VALIDATION_FAILED to codes that are not exactly 6 ASCII digits, without spending tries", async () => {
    const { email, code } = await signUpPatient();
    for (const bad of [Number(code), 123456, [code], { code }, ` ${code}`, `${code} `, code.slice(0, 5), `${code}0`, "١٢٣٤٥", "１２３４５６", null]) {
      const res = await verify(email, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.code).toBe("VALIDATION_FAILED");
      expect(res.body.fields).toHaveProperty("code");
    }
    expect((await verify(email, code)).status).toBe(200);
  });

  it("answers INVALID_CODE to a used code", async () => {
    const { email, code } = await signUpPatient();
    expect((await verify(email, code)).status).toBe(200);
    // Un-verify the account so that only the code's single use can reject the second try.
    await (await db()).update(users).set({ emailVerifiedAt: null }).where(eq(users.email, email));
    await expectInvalidCode(email, code);
  });

  it("answers INVALID_CODE to a code older than 10 minutes, and accepts one 9 minutes old", async () => {
    const a = await signUpPatient();
    const b = await signUpPatient();
    const age = async (email: string, seconds: number) =>
      (await db())
        .update(verificationCodes)
        .set({ createdAt: secondsAgo(seconds), expiresAt: sql`${verificationCodes.expiresAt} - make_interval(secs => ${seconds})` })
        .where(eq(verificationCodes.userId, (await userRow(email))!.id));
    await age(a.email, 11 * 60);
    await age(b.email, 9 * 60);
    await expectInvalidCode(a.email, a.code);
    expect((await verify(b.email, b.code)).status).toBe(200);
  });

  it("kills a code after 5 wrong tries (the right one then fails too), while a fresh code works", async () => {
    const { email, code } = await signUpPatient();
    for (let i = 1; i <= 5; i++) await expectInvalidCode(email, otherCode(code, i));
    await expectInvalidCode(email, code);
    const next = await freshCode(email, 2);
    expect((await verify(email, next)).status).toBe(200);
  });
});

describe("verify-otp: hourly budget and races", () => {
  it("answers 429 TOO_MANY_ATTEMPTS with Retry-After after 10 wrong tries in an hour, even for a fresh code", async () => {
    const { email, code } = await signUpPatient();
    for (let i = 1; i <= 5; i++) await expectInvalidCode(email, otherCode(code, i));
    const second = await freshCode(email, 2);
    for (let i = 1; i <= 5; i++) await expectInvalidCode(email, otherCode(second, i));
    const third = await freshCode(email, 3);

    const res = await verify(email, third);
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ error: expect.any(String), code: "TOO_MANY_ATTEMPTS" });
    const retry = Number(res.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(3600);
    expect((await userRow(email))!.emailVerifiedAt).toBeNull();

    // An hour later the budget is back and the (still live) code works.
    await (await db())
      .update(verificationCodes)
      .set({ hourStartedAt: secondsAgo(3601) })
      .where(eq(verificationCodes.userId, (await userRow(email))!.id));
    expect((await verify(email, third)).status).toBe(200);
  });

  it("lets exactly one of 20 parallel verifications with the right code succeed", async () => {
    const { email, code } = await signUpPatient();
    const results = await Promise.all(Array.from({ length: 20 }, () => verify(email, code)));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect(r.body.code).toBe("INVALID_CODE");
    const u = (await userRow(email))!;
    expect(await (await db()).select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(1);
  });
});
