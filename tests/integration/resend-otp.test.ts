import { describe, expect, it } from "vitest";
import * as resendRoute from "@/app/api/auth/resend-otp/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { passCodeCooldown } from "../helpers/arrange";
import { uniqueEmail } from "../helpers/data";
import { call } from "../helpers/http";
import { mail, settle } from "../helpers/mail";
import { codeFrom } from "../helpers/smtp";

const resend = (email: string) => call(resendRoute, "POST", { body: { email } });

function expectTooSoon(res: Awaited<ReturnType<typeof resend>>) {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({ error: expect.any(String), code: "RESEND_TOO_SOON" });
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
}

describe("resend-otp", () => {
  it("answers 200 { success: true } for an unknown email and sends nothing", async () => {
    const email = uniqueEmail("ghost");
    const res = await resend(email);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    await settle();
    expect(mail.to(email)).toHaveLength(0);
  });

  it("sends a fresh code to an unverified account and voids the previous one", async () => {
    const { email, code } = await signUpPatient();
    await passCodeCooldown(email);
    const res = await resend(`  ${email.toUpperCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    const fresh = codeFrom(await mail.waitFor(email, 2));

    const old = await call(verifyRoute, "POST", { body: { email, code } });
    expect(old.status).toBe(400);
    expect(old.body.code).toBe("INVALID_CODE");
    expect((await call(verifyRoute, "POST", { body: { email, code: fresh } })).status).toBe(200);
  });

  it("answers 429 RESEND_TOO_SOON with Retry-After inside the cooldown, with the same body for unknown emails", async () => {
    const { email } = await signUpPatient(); // the signup email starts the cooldown
    const known = await resend(email);
    expectTooSoon(known);
    expect(Number(known.headers.get("retry-after"))).toBeLessThanOrEqual(60);

    const ghost = uniqueEmail("ghost");
    expect((await resend(ghost)).status).toBe(200);
    const unknown = await resend(ghost);
    expectTooSoon(unknown);
    expect(unknown.body).toEqual(known.body);
    await settle();
    expect(mail.to(email)).toHaveLength(1);
  });

  it("allows at most 5 code emails per hour (the signup email included)", async () => {
    const { email } = await signUpPatient();
    for (let n = 2; n <= 5; n++) {
      await passCodeCooldown(email);
      expect((await resend(email)).status).toBe(200);
      await mail.waitFor(email, n);
    }
    await passCodeCooldown(email);
    const sixth = await resend(email);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(60);
    await settle();
    expect(mail.to(email)).toHaveLength(5);
  });

  it("throttles an unknown email exactly like a known one: the 6th request in an hour is 429", async () => {
    const ghost = uniqueEmail("ghost");
    for (let i = 0; i < 5; i++) {
      expect((await resend(ghost)).status).toBe(200);
      await passCodeCooldown(ghost);
    }
    const sixth = await resend(ghost);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(60);
  });

  it("answers 200 and sends nothing for a verified account", async () => {
    const p = await verifiedPatient();
    await passCodeCooldown(p.email);
    const res = await resend(p.email);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    await settle();
    expect(mail.to(p.email)).toHaveLength(1);
  });
});
