import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as signupRoute from "@/app/api/auth/signup/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import { users } from "@/lib/db/schema";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { login } from "../helpers/api";
import { passCodeCooldown } from "../helpers/arrange";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { codeRow, db, userRow } from "../helpers/db";
import { call } from "../helpers/http";
import { mail, settle } from "../helpers/mail";
import { codeFrom } from "../helpers/smtp";

const body = (overrides: Record<string, unknown> = {}) => ({
  name: "Noor Patient",
  email: uniqueEmail(),
  password: GOOD_PASSWORD,
  ...overrides,
});
const signup = (b: unknown) => call(signupRoute, "POST", { body: b });

describe("signup: success", () => {
  it("answers 201 { success, email } with the email trimmed, NFC-normalised and lower-cased", async () => {
    const tag = randomUUID().slice(0, 8);
    // "e" + COMBINING ACUTE ACCENT (NFD) must be stored as the single code point "é" (NFC).
    const typed = `  Ame\u0301lie.${tag}@Example.TEST  `;
    const expected = `am\u00e9lie.${tag}@example.test`;
    const res = await signup(body({ email: typed }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: true, email: expected, signupId: expect.any(String) });
    expect(await userRow(expected)).toBeDefined();
    expect(codeFrom(await mail.waitFor(expected))).toMatch(/^\d{6}$/);
  });

  it("stores an unverified patient with an Argon2id hash (m ≥ 19 MiB, t ≥ 2, p ≥ 1)", async () => {
    const b = body({ phone: "+44 20 7946 0000" });
    expect((await signup(b)).status).toBe(201);
    const u = (await userRow(b.email))!;
    expect(u).toMatchObject({ name: "Noor Patient", phone: "+44 20 7946 0000", role: "patient", status: "active", emailVerifiedAt: null, tokenVersion: 0 });
    const m = u.passwordHash.match(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/);
    expect(m, u.passwordHash).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(19456);
    expect(Number(m![2])).toBeGreaterThanOrEqual(2);
    expect(Number(m![3])).toBeGreaterThanOrEqual(1);
    expect(u.passwordHash).not.toContain(GOOD_PASSWORD);
  });

  it("stores a phone number typed with Arabic-Indic digits in ASCII digits", async () => {
    const b = body({ phone: "+٢٠ ١٠ ١٢٣٤ ٥٦٧٨" });
    expect((await signup(b)).status).toBe(201);
    expect((await userRow(b.email))!.phone).toBe("+20 10 1234 5678");
  });

  it("emails the code as a standalone 6-digit number in the text part, with an HTML part", async () => {
    const b = body();
    expect((await signup(b)).status).toBe(201);
    const msg = await mail.waitFor(b.email);
    expect(msg.text).toMatch(/^\s*\d{6}\s*$/m);
    expect(msg.html).toMatch(/<html/i);
    expect(msg.html).toContain(codeFrom(msg));
  });

  it("stores the code only as a keyed hash, never the code or its plain SHA-256", async () => {
    const { email, code } = await signUpPatient();
    const row = (await codeRow((await userRow(email))!.id, "signup"))!;
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.codeHash).not.toContain(code);
    expect(row.codeHash).not.toBe(createHash("sha256").update(code).digest("hex"));
  });
});

describe("signup: input validation", () => {
  it.each([
    ["a missing name", { name: undefined }, "name"],
    ["an empty name", { name: "   " }, "name"],
    ["a name of 101 characters", { name: "n".repeat(101) }, "name"],
    ["a bad email", { email: "not-an-email" }, "email"],
    ["an email without a domain dot", { email: "someone@localhost" }, "email"],
    ["a phone with letters", { phone: "+1 555 CALL NOW" }, "phone"],
    ["a phone over 20 characters", { phone: "+1 234 567 890 123 456" }, "phone"],
  ])("rejects %s with 400 VALIDATION_FAILED and fields", async (_label, override, field) => {
    const b = body(override);
    const res = await signup(b);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(typeof res.body.error).toBe("string");
    expect(res.body.fields).toHaveProperty(field);
    await settle();
    expect(mail.to(b.email)).toHaveLength(0);
  });

  it("accepts a name of exactly 100 code points (emoji count once)", async () => {
    expect((await signup(body({ name: "😀".repeat(100) }))).status).toBe(201);
  });

  it("answers 415 to a body that is not declared as JSON", async () => {
    const b = body();
    const res = await call(signupRoute, "POST", { rawBody: JSON.stringify(b), headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(await userRow(b.email)).toBeUndefined();
  });

  it("answers 400 to malformed JSON", async () => {
    const res = await call(signupRoute, "POST", { rawBody: '{"name": "x", "email": ' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "INVALID_JSON" });
    expect(typeof res.body.error).toBe("string");
  });
});

describe("signup: password policy", () => {
  const local = `marguerite${randomUUID().slice(0, 6)}`;
  const local2 = `beatrix${randomUUID().slice(0, 6)}`;
  it.each([
    ["7 code points (14 UTF-16 units)", "😀".repeat(7), uniqueEmail()],
    ["7 ASCII characters", "k7#Qz!p", uniqueEmail()],
    ["129 code points", "x7".repeat(64) + "q", uniqueEmail()],
    ["a common password", "password123", uniqueEmail()],
    ["another common password", "qwertyuiop", uniqueEmail()],
    ["one containing the email's local part", `Blue-${local}-Sky`, `${local}@example.test`],
    ["one containing the local part of an email typed in capitals", `blue-${local2}-sky`, `${local2.toUpperCase()}@Example.test`],
  ])("rejects %s with 400 WEAK_PASSWORD and fields.password", async (_label, password, email) => {
    const res = await signup(body({ email, password }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("WEAK_PASSWORD");
    expect(res.body.fields).toHaveProperty("password");
    expect(await userRow(email.toLowerCase())).toBeUndefined();
  });

  it("accepts 8 emoji (8 code points, 16 UTF-16 units) and signs in with them", async () => {
    const password = "🦊🌵🎻🚲🧭🍋🪁🐙";
    const p = await verifiedPatient({ password });
    expect((await login(p.email, password)).status).toBe(200);
  });

  it("accepts 128 code points and never truncates them", async () => {
    const password = "🌊".repeat(64) + "tide-pool-".repeat(6) + "abcd"; // 64 + 60 + 4 = 128 code points
    expect([...password]).toHaveLength(128);
    const p = await verifiedPatient({ password });
    expect((await login(p.email, password)).status).toBe(200);
    expect((await login(p.email, password.slice(0, -1))).status).toBe(401);
    expect((await login(p.email, password.slice(0, -1) + "e")).status).toBe(401);
  });
});

describe("signup: existing accounts", () => {
  it("ignores role, emailVerifiedAt, tokenVersion, status and id in the body", async () => {
    const id = randomUUID();
    const b = body({ role: "superadmin", emailVerifiedAt: "2020-01-01T00:00:00Z", tokenVersion: 42, status: "suspended", id });
    expect((await signup(b)).status).toBe(201);
    const u = (await userRow(b.email))!;
    expect(u.id).not.toBe(id);
    expect(u).toMatchObject({ role: "patient", emailVerifiedAt: null, tokenVersion: 0, status: "active" });
    expect((await login(b.email, GOOD_PASSWORD)).body.code).toBe("EMAIL_NOT_VERIFIED");
  });

  it("answers 409 EMAIL_TAKEN for a verified email (in any case or spacing) and changes nothing", async () => {
    const p = await verifiedPatient();
    const before = (await userRow(p.email))!;
    await passCodeCooldown(p.email);
    const res = await signup(body({ email: `  ${p.email.toUpperCase()} `, name: "Intruder", password: "Another-Long-Passphrase-9" }));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "EMAIL_TAKEN" });
    expect(await userRow(p.email)).toEqual(before);
    await settle();
    expect(mail.to(p.email)).toHaveLength(1);
  });

  it("lets a second signup after the cooldown take over an unverified account, voiding the old code", async () => {
    const first = await signUpPatient({ name: "Stranger" });
    await passCodeCooldown(first.email);
    const newPassword = "Owner-Chosen-Passphrase-7";
    const res = await signup({ name: "Real Owner", email: first.email, password: newPassword, phone: "+1 555 0100" });
    expect(res.status).toBe(201);
    const u = (await userRow(first.email))!;
    expect(u).toMatchObject({ name: "Real Owner", phone: "+1 555 0100", emailVerifiedAt: null });
    const second = codeFrom(await mail.waitFor(first.email, 2));

    const old = await call(verifyRoute, "POST", { body: { email: first.email, code: first.code } });
    expect(old.status).toBe(400);
    expect(old.body.code).toBe("INVALID_CODE");
    // Two live sign-ups for one address: an API client names the one it finishes.
    expect((await call(verifyRoute, "POST", { body: { email: first.email, code: second, signupId: res.body.signupId } })).status).toBe(200);
    expect((await login(first.email, GOOD_PASSWORD)).status).toBe(401);
    expect((await login(first.email, newPassword)).status).toBe(200);
  });

  it("answers a repeat inside the 60 s cooldown with 201, sends nothing and changes nothing", async () => {
    const first = await signUpPatient({ name: "First Try" });
    const before = (await userRow(first.email))!;
    const codeBefore = await codeRow(before.id, "signup");
    const res = await signup({ name: "Second Try", email: first.email, password: "Different-Passphrase-31" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: true, email: first.email, signupId: expect.any(String) });
    await settle();
    expect(mail.to(first.email)).toHaveLength(1);
    expect(await userRow(first.email)).toEqual(before);
    expect(await codeRow(before.id, "signup")).toEqual(codeBefore);
  });

  it("creates exactly one account for parallel signups of one email", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => signup({ name: `Racer ${i}`, email, password: `${GOOD_PASSWORD}-${i}` })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const rows = await (await db()).select().from(users).where(eq(users.email, email));
    expect(rows).toHaveLength(1);
    await settle();
    expect(mail.to(email)).toHaveLength(1);
  });
});
