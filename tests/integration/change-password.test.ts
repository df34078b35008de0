import { describe, expect, it } from "vitest";
import * as changePasswordRoute from "@/app/api/auth/change-password/route";
import { verifiedPatient } from "../helpers/accounts";
import { changePassword, forgotVerify, login, me, requestReset, resetWithLink } from "../helpers/api";
import { NEW_PASSWORD } from "../helpers/data";
import { auditTypes, userRow } from "../helpers/db";
import { call, cookiePair } from "../helpers/http";
import { mail, settle } from "../helpers/mail";
import { sessionCookieName } from "@/lib/auth/session/cookie";

const change = (currentPassword: string, newPassword = NEW_PASSWORD, confirmPassword = newPassword) => ({
  currentPassword,
  newPassword,
  confirmPassword,
});

describe("POST /api/auth/change-password", () => {
  it("needs a session", async () => {
    const res = await call(changePasswordRoute, "POST", { body: change("whatever-password") });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("UNAUTHENTICATED");
  });

  it("answers 401 WRONG_PASSWORD for a wrong current password and changes nothing", async () => {
    const p = await verifiedPatient();
    const res = await changePassword(p.token, change("Not-My-Password-1"));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("WRONG_PASSWORD");
    expect((await me(p.token)).status).toBe(200);
    expect((await login(p.email, p.password)).status).toBe(200);
    await settle();
    expect(mail.to(p.email)).toHaveLength(1); // only the signup code
  });

  it("replaces this session, ends every other one and emails a notice", async () => {
    const p = await verifiedPatient();
    const other = await login(p.email, p.password);
    const res = await changePassword(p.token, change(p.password));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: expect.any(String), user: expect.objectContaining({ email: p.email }), token: expect.any(String) });
    expect(res.body.user).not.toHaveProperty("passwordHash");
    expect(res.body.user).not.toHaveProperty("tokenVersion");
    expect(cookiePair(res.cookie)).toBe(`${sessionCookieName()}=${res.body.token}`);

    expect((await me(res.body.token)).status).toBe(200);
    expect((await me(p.token)).status).toBe(401);
    expect((await me(other.body.token)).status).toBe(401);
    expect((await login(p.email, p.password)).status).toBe(401);
    expect((await login(p.email, NEW_PASSWORD)).status).toBe(200);
    expect((await mail.waitFor(p.email, 2)).subject).toMatch(/password was changed/i);
    expect(await auditTypes((await userRow(p.email))!.id)).toContain("password_changed");
  });

  it("voids an outstanding reset code and link", async () => {
    const p = await verifiedPatient();
    const { code, token } = await requestReset(p.email, 2);
    expect((await changePassword(p.token, change(p.password))).status).toBe(200);

    const byLink = await resetWithLink(token, { password: "Attacker-Chosen-Pass-1", confirmPassword: "Attacker-Chosen-Pass-1" });
    expect(byLink.status).toBe(400);
    expect(byLink.body.code).toBe("INVALID_TOKEN");
    const byCode = await forgotVerify({ email: p.email, code, password: "Attacker-Chosen-Pass-1", confirmPassword: "Attacker-Chosen-Pass-1" });
    expect(byCode.status).toBe(400);
    expect(byCode.body.code).toBe("INVALID_CODE");
    expect((await login(p.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("rejects a mismatch or a weak new password on field newPassword, keeping the session", async () => {
    const p = await verifiedPatient();
    const mismatch = await changePassword(p.token, change(p.password, NEW_PASSWORD, NEW_PASSWORD + "!"));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.code).toBe("PASSWORD_MISMATCH");
    const local = p.email.split("@")[0]!;
    for (const weak of ["sunshine", "short", `x${local}x99`]) {
      const res = await changePassword(p.token, change(p.password, weak));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("WEAK_PASSWORD");
      expect(res.body.fields.newPassword).toEqual(expect.any(String));
    }
    expect((await me(p.token)).status).toBe(200);
    expect((await login(p.email, p.password)).status).toBe(200);
  });

  it("throttles wrong current passwords like sign-in, without locking the sign-in; a reset lifts it", async () => {
    const p = await verifiedPatient();
    for (let i = 0; i < 5; i++) {
      expect((await changePassword(p.token, change(`Wrong-Guess-${i}-xyz`))).status).toBe(401);
    }
    const throttled = await changePassword(p.token, change(p.password));
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe("TOO_MANY_ATTEMPTS");
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    const signedIn = await login(p.email, p.password);
    expect(signedIn.status).toBe(200);

    const { code } = await requestReset(p.email, 2);
    const reset = await forgotVerify({ email: p.email, code, password: "Reset-Then-Change-1", confirmPassword: "Reset-Then-Change-1" });
    expect(reset.status).toBe(200);
    const again = await login(p.email, "Reset-Then-Change-1");
    expect((await changePassword(again.body.token, change("Reset-Then-Change-1"))).status).toBe(200);
  });

  it("refuses a cookie-authenticated request from another origin", async () => {
    const p = await verifiedPatient();
    const res = await call(changePasswordRoute, "POST", { cookie: p.cookie, origin: "https://evil.example", body: change(p.password) });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("FORBIDDEN_ORIGIN");
    expect((await login(p.email, p.password)).status).toBe(200);
  });
});
