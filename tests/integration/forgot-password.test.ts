import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as forgotRequestRoute from "@/app/api/auth/forgot-password/request/route";
import { throttles, verificationCodes } from "@/lib/db/schema";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { forgotRequest, forgotVerify, login, me, pair, requestReset, resetWithLink } from "../helpers/api";
import { passCodeCooldown, secondsAgo } from "../helpers/arrange";
import { NEW_PASSWORD, uniqueEmail } from "../helpers/data";
import { auditTypes, codeRow, db, userRow } from "../helpers/db";
import { mail, settle } from "../helpers/mail";
import { codeFrom, linkFrom, otherCode } from "../helpers/smtp";

describe("POST /api/auth/forgot-password/request", () => {
  it("answers known and unknown emails with the same status and body; only the known one gets mail", async () => {
    const p = await verifiedPatient();
    const unknown = uniqueEmail("nobody");
    const known = await forgotRequest(p.email);
    const other = await forgotRequest(unknown);
    expect(known.status).toBe(200);
    expect(other.status).toBe(200);
    expect(known.body).toEqual({ success: true });
    expect(other.body).toEqual(known.body);
    expect((await mail.waitFor(p.email, 2)).subject).toMatch(/reset/i);
    await settle();
    expect(mail.to(unknown)).toHaveLength(0);
    const user = await userRow(p.email);
    expect(await auditTypes(user!.id)).toContain("password_reset_requested");
  });

  it("throttles a repeat inside the cooldown with 429 RESEND_TOO_SOON, for known and unknown emails alike", async () => {
    const p = await verifiedPatient();
    const unknown = uniqueEmail("nobody");
    await forgotRequest(p.email);
    await forgotRequest(unknown);
    const known = await forgotRequest(p.email);
    const other = await forgotRequest(unknown);
    for (const res of [known, other]) {
      expect(res.status).toBe(429);
      expect(res.body.code).toBe("RESEND_TOO_SOON");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(other.body).toEqual(known.body);
    await settle();
    expect(mail.to(p.email)).toHaveLength(2); // the signup code and one reset email
  });

  it("sends one email with a standalone 6-digit code and a link on APP_URL, whatever Host the request claims", async () => {
    const p = await verifiedPatient();
    const request = new Request("http://evil.example/api/auth/forgot-password/request", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        host: "evil.example",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
        "x-forwarded-for": "10.9.8.7",
      },
      body: JSON.stringify({ email: p.email }),
    });
    const res = await forgotRequestRoute.POST(request, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const message = await mail.waitFor(p.email, 2);
    expect(codeFrom(message)).toMatch(/^\d{6}$/);
    const link = new URL(linkFrom(message));
    expect(link.origin).toBe("http://localhost:3000");
    expect(link.pathname).toBe("/auth/reset-password");
    expect(link.searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(message.text + message.html).not.toContain("evil.example");
    expect(message.html).toContain(`http://localhost:3000/auth/reset-password?token=${link.searchParams.get("token")}`);
    await settle();
    expect(mail.to(p.email)).toHaveLength(2);
  });

  it("stores the link only as a SHA-256 hash and the code only as an HMAC", async () => {
    const p = await verifiedPatient();
    const { code, token } = await requestReset(p.email, 2);
    const user = await userRow(p.email);
    const row = await codeRow(user!.id, "reset");
    const all = JSON.stringify(row);
    expect(all).not.toContain(token);
    expect(row!.codeHash).not.toContain(code);
    expect(row!.linkHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("POST /api/auth/forgot-password/verify", () => {
  it("sets the password (no sign-in), ends every session, emails a notice and kills the link", async () => {
    const p = await verifiedPatient();
    const second = await login(p.email, p.password);
    expect(second.status).toBe(200);
    const { code, token } = await requestReset(p.email, 2);

    const res = await forgotVerify({ email: p.email, code, ...pair(NEW_PASSWORD) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expect(res.cookie).toBeNull(); // no automatic sign-in

    expect((await me(p.token)).status).toBe(401);
    expect((await me(second.body.token)).status).toBe(401);
    expect((await login(p.email, p.password)).status).toBe(401);
    const fresh = await login(p.email, NEW_PASSWORD);
    expect(fresh.status).toBe(200);
    expect((await me(fresh.body.token)).status).toBe(200);

    expect((await mail.waitFor(p.email, 3)).subject).toMatch(/password was changed/i);
    const link = await resetWithLink(token, pair("Another-Fresh-Password-9"));
    expect(link.status).toBe(400);
    expect(link.body.code).toBe("INVALID_TOKEN");

    const user = await userRow(p.email);
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await auditTypes(user!.id)).toEqual(expect.arrayContaining(["password_reset_requested", "password_reset"]));
  });

  it("uses a code once", async () => {
    const p = await verifiedPatient();
    const { code } = await requestReset(p.email, 2);
    expect((await forgotVerify({ email: p.email, code, ...pair(NEW_PASSWORD) })).status).toBe(200);
    const again = await forgotVerify({ email: p.email, code, ...pair("Another-Fresh-Password-9") });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("INVALID_CODE");
    expect((await login(p.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("gives one answer for a wrong code, an unknown email and an expired code", async () => {
    const p = await verifiedPatient();
    const { code } = await requestReset(p.email, 2);
    const wrong = await forgotVerify({ email: p.email, code: otherCode(code), ...pair(NEW_PASSWORD) });
    const unknown = await forgotVerify({ email: uniqueEmail("nobody"), code, ...pair(NEW_PASSWORD) });
    const user = await userRow(p.email);
    await (await db())
      .update(verificationCodes)
      .set({ createdAt: secondsAgo(11 * 60) })
      .where(and(eq(verificationCodes.userId, user!.id), eq(verificationCodes.purpose, "reset")));
    const expired = await forgotVerify({ email: p.email, code, ...pair(NEW_PASSWORD) });
    for (const res of [wrong, unknown, expired]) {
      expect(res.status).toBe(400);
      expect(res.body).toEqual(wrong.body);
    }
    expect(wrong.body.code).toBe("INVALID_CODE");
    expect((await login(p.email, p.password)).status).toBe(200);
  });

  it("a newer request voids the earlier code and link", async () => {
    const p = await verifiedPatient();
    const first = await requestReset(p.email, 2);
    await passCodeCooldown(p.email);
    const second = await requestReset(p.email, 3);

    const oldCode = await forgotVerify({ email: p.email, code: first.code, ...pair(NEW_PASSWORD) });
    expect(oldCode.status).toBe(400);
    expect(oldCode.body.code).toBe("INVALID_CODE");
    const oldLink = await resetWithLink(first.token, pair(NEW_PASSWORD));
    expect(oldLink.status).toBe(400);
    expect(oldLink.body.code).toBe("INVALID_TOKEN");

    expect((await forgotVerify({ email: p.email, code: second.code, ...pair(NEW_PASSWORD) })).status).toBe(200);
    expect((await login(p.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("PASSWORD_MISMATCH and WEAK_PASSWORD do not use up the code; the corrected retry works", async () => {
    const p = await verifiedPatient();
    const { code } = await requestReset(p.email, 2);
    const local = p.email.split("@")[0]!;

    const mismatch = await forgotVerify({ email: p.email, code, ...pair(NEW_PASSWORD, NEW_PASSWORD + "x") });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.code).toBe("PASSWORD_MISMATCH");
    for (const weak of ["baseball1", "short", `My-${local}-Pass`]) {
      const res = await forgotVerify({ email: p.email, code, ...pair(weak) });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("WEAK_PASSWORD");
      expect(res.body.fields.password).toEqual(expect.any(String));
    }
    const user = await userRow(p.email);
    expect((await codeRow(user!.id, "reset"))!.attempts).toBe(0);

    expect((await forgotVerify({ email: p.email, code, ...pair(NEW_PASSWORD) })).status).toBe(200);
  });

  it("kills a code after 5 wrong tries, and answers 429 after 10 wrong tries in an hour across resends", async () => {
    const p = await verifiedPatient();
    const first = await requestReset(p.email, 2);
    for (let k = 1; k <= 5; k++) {
      expect((await forgotVerify({ email: p.email, code: otherCode(first.code, k), ...pair(NEW_PASSWORD) })).body.code).toBe("INVALID_CODE");
    }
    const dead = await forgotVerify({ email: p.email, code: first.code, ...pair(NEW_PASSWORD) });
    expect(dead.body.code).toBe("INVALID_CODE");

    await passCodeCooldown(p.email);
    const second = await requestReset(p.email, 3);
    for (let k = 1; k <= 5; k++) {
      await forgotVerify({ email: p.email, code: otherCode(second.code, k), ...pair(NEW_PASSWORD) });
    }
    const over = await forgotVerify({ email: p.email, code: second.code, ...pair(NEW_PASSWORD) });
    expect(over.status).toBe(429);
    expect(over.body.code).toBe("TOO_MANY_ATTEMPTS");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await login(p.email, p.password)).status).toBe(200);
  });

  it("an unverified account gets the email, and completing the reset verifies it", async () => {
    const s = await signUpPatient();
    expect((await userRow(s.email))!.emailVerifiedAt).toBeNull();
    const { code } = await requestReset(s.email, 2);
    expect((await forgotVerify({ email: s.email, code, ...pair(NEW_PASSWORD) })).status).toBe(200);
    expect((await userRow(s.email))!.emailVerifiedAt).not.toBeNull();
    expect((await login(s.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("lifts the hard-stop sign-in lock", async () => {
    const p = await verifiedPatient();
    await (await db())
      .insert(throttles)
      .values({ key: `login:${p.email}`, count: 100, windowStartedAt: secondsAgo(60), lastAt: secondsAgo(60) });
    const locked = await login(p.email, p.password);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe("ACCOUNT_LOCKED");

    const { code } = await requestReset(p.email, 2);
    expect((await forgotVerify({ email: p.email, code, ...pair(NEW_PASSWORD) })).status).toBe(200);
    expect((await login(p.email, NEW_PASSWORD)).status).toBe(200);
  });
});
