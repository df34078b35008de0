import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as signupDoctorRoute from "@/app/api/auth/signup-doctor/route";
import * as signupRoute from "@/app/api/auth/signup/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import { signups } from "@/lib/db/schema";
import { login } from "../helpers/api";
import { passCodeCooldown } from "../helpers/arrange";
import { GOOD_PASSWORD, uniqueEmail, uniqueLicense } from "../helpers/data";
import { accountRows, db, userRow } from "../helpers/db";
import { call, cookiePair } from "../helpers/http";
import { mail, settle } from "../helpers/mail";
import { codeFrom } from "../helpers/smtp";

/**
 * docs/RULES.md "Sign-up details": each sign-up keeps its own details and verify-otp applies those of
 * the sign-up it is bound to, so nobody can plant a password on an address they do not own.
 */
const X = "Planted-Password-Of-Mallory-9";
const signup = (body: Record<string, unknown>) => call(signupRoute, "POST", { body });

describe("sign-up binding", () => {
  it("answers 201 with a signupId and sets it as an HttpOnly cookie sent only to verify-otp", async () => {
    const res = await signup({ name: "Alice", email: uniqueEmail(), password: GOOD_PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body.signupId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.cookie).toContain(`caregate_signup=${res.body.signupId}`);
    expect(res.cookie).toMatch(/HttpOnly/);
    expect(res.cookie).toMatch(/Path=\/api\/auth\/verify-otp/);
    expect(res.cookie).toMatch(/SameSite=Lax/);
  });

  it("the takeover example of docs/RULES.md Sign-up details: A's bound browser gets A's password whichever code arrived last; X signs in nowhere", async () => {
    const email = uniqueEmail("alice");
    const a = await signup({ name: "Alice", email, password: GOOD_PASSWORD });
    await mail.waitFor(email, 1);
    await passCodeCooldown(email);
    const b = await signup({ name: "Mallory", email, password: X });
    expect(b.status).toBe(201);
    const lastCode = codeFrom(await mail.waitFor(email, 2));

    const verified = await call(verifyRoute, "POST", { body: { email, code: lastCode }, cookie: cookiePair(a.cookie) });
    expect(verified.status).toBe(200);
    expect(verified.body.user.name).toBe("Alice");
    expect(verified.cookie).toMatch(/caregate_signup=;.*Max-Age=0/);

    expect((await login(email, GOOD_PASSWORD)).status).toBe(200);
    expect((await login(email, X)).status).toBe(401);
    expect(await (await db()).select().from(signups).where(eq(signups.userId, verified.body.user.id))).toHaveLength(0);
  });

  it("API clients bind with signupId in the body", async () => {
    const email = uniqueEmail("api");
    const a = await signup({ name: "Api Alice", email, password: GOOD_PASSWORD });
    await mail.waitFor(email, 1);
    await passCodeCooldown(email);
    await signup({ name: "Mallory", email, password: X });
    const code = codeFrom(await mail.waitFor(email, 2));
    const res = await call(verifyRoute, "POST", { body: { email, code, signupId: a.body.signupId } });
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBe("Api Alice");
    expect((await login(email, X)).status).toBe(401);
  });

  it("without a binding, two live sign-ups answer 409 SIGNUP_AMBIGUOUS, change nothing and leave the code usable", async () => {
    // A signs up; B signs up again with A's address and password X; A types the code that arrived
    // last on another device (no binding): nobody's details may be guessed at.
    const email = uniqueEmail("ambiguous");
    const a = await signup({ name: "Alice", email, password: GOOD_PASSWORD });
    await mail.waitFor(email, 1);
    await passCodeCooldown(email);
    await signup({ name: "Bob", email, password: X });
    const code = codeFrom(await mail.waitFor(email, 2));
    const before = await userRow(email);

    const res = await call(verifyRoute, "POST", { body: { email, code } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("SIGNUP_AMBIGUOUS");
    expect(res.cookie).toBeNull();
    expect(await userRow(email)).toEqual(before);
    expect(await (await db()).select().from(signups).where(eq(signups.userId, before!.id))).toHaveLength(2);

    // The same code still works once the sign-up is named, and only A's password signs in.
    const bound = await call(verifyRoute, "POST", { body: { email, code, signupId: a.body.signupId } });
    expect(bound.status).toBe(200);
    expect(bound.body.user.name).toBe("Alice");
    expect((await login(email, GOOD_PASSWORD)).status).toBe(200);
    expect((await login(email, X)).status).toBe(401);
  });

  it("without a binding, the one live sign-up applies: an older, expired one does not make it ambiguous", async () => {
    const email = uniqueEmail("one-live");
    await signup({ name: "Stale", email, password: X });
    await mail.waitFor(email, 1);
    const row = await userRow(email);
    await (await db()).update(signups).set({ createdAt: new Date(Date.now() - 3600_000) }).where(eq(signups.userId, row!.id));
    await passCodeCooldown(email);
    await signup({ name: "Fresh", email, password: GOOD_PASSWORD });
    const code = codeFrom(await mail.waitFor(email, 2));
    const res = await call(verifyRoute, "POST", { body: { email, code } });
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBe("Fresh");
    expect((await login(email, X)).status).toBe(401);
  });

  it("a wrong code is still INVALID_CODE when the sign-up is ambiguous", async () => {
    const email = uniqueEmail("ambiguous-wrong");
    await signup({ name: "Alice", email, password: GOOD_PASSWORD });
    const code = codeFrom(await mail.waitFor(email, 1));
    await passCodeCooldown(email);
    await signup({ name: "Bob", email, password: X });
    await mail.waitFor(email, 2);
    const wrong = code === "000000" ? "000001" : "000000";
    const res = await call(verifyRoute, "POST", { body: { email, code: wrong } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("INVALID_CODE");
  });

  it("a repeat inside the cooldown sends nothing and changes nothing, but its own binding still applies its details", async () => {
    const email = uniqueEmail("repeat");
    await signup({ name: "Mallory", email, password: X });
    const code = codeFrom(await mail.waitFor(email, 1));
    const owner = await signup({ name: "Owner", email, password: GOOD_PASSWORD });
    expect(owner.status).toBe(201);
    await settle();
    expect(mail.to(email)).toHaveLength(1);
    expect((await userRow(email))!.name).toBe("Mallory"); // the account row is untouched until verification

    const res = await call(verifyRoute, "POST", { body: { email, code }, cookie: cookiePair(owner.cookie) });
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBe("Owner");
    expect((await login(email, X)).status).toBe(401);
  });

  it("a binding that names another account's sign-up is ignored (this account's one live sign-up applies)", async () => {
    const other = await signup({ name: "Elsewhere", email: uniqueEmail("other"), password: GOOD_PASSWORD });
    const email = uniqueEmail("mine");
    await signup({ name: "Mine", email, password: GOOD_PASSWORD });
    const code = codeFrom(await mail.waitFor(email, 1));
    const res = await call(verifyRoute, "POST", { body: { email, code, signupId: other.body.signupId } });
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBe("Mine");
  });

  it("a malformed signupId is a validation error and spends no attempt", async () => {
    const email = uniqueEmail("malformed");
    await signup({ name: "Mal", email, password: GOOD_PASSWORD });
    const code = codeFrom(await mail.waitFor(email, 1));
    const bad = await call(verifyRoute, "POST", { body: { email, code, signupId: "not-a-uuid" } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("VALIDATION_FAILED");
    expect(bad.body.fields.signupId).toBeTruthy();
    expect((await call(verifyRoute, "POST", { body: { email, code } })).status).toBe(200);
  });

  it("a doctor's bound sign-up restores the doctor profile after a patient sign-up took the address over", async () => {
    const email = uniqueEmail("doc");
    const licenseNumber = uniqueLicense();
    const doctor = await call(signupDoctorRoute, "POST", {
      body: { name: "Dr Real", email, password: GOOD_PASSWORD, specialty: "Neurology", licenseNumber },
    });
    await mail.waitFor(email, 1);
    await passCodeCooldown(email);
    await signup({ name: "Mallory", email, password: X });
    expect((await accountRows(email)).profile).toBeUndefined();
    const code = codeFrom(await mail.waitFor(email, 2));

    const res = await call(verifyRoute, "POST", { body: { email, code }, cookie: cookiePair(doctor.cookie) });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: "doctor", specialty: "Neurology", licenseNumber, approval: "pending" });
    const { profile } = await accountRows(email);
    expect(profile).toMatchObject({ licenseNumber, licenseVerified: true });
  });
});
