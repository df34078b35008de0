import bcrypt from "bcryptjs";
import { and, eq, like } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as loginRoute from "@/app/api/auth/login/route";
import * as resendRoute from "@/app/api/auth/resend-otp/route";
import * as signupRoute from "@/app/api/auth/signup/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import * as meRoute from "@/app/api/users/me/route";
import { loginKey } from "@/lib/auth/throttle/login";
import { securityEvents, throttles, users } from "@/lib/db/schema";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { login } from "../helpers/api";
import { secondsAgo } from "../helpers/arrange";
import { uniqueEmail } from "../helpers/data";
import { db, userRow } from "../helpers/db";
import { call, randomIp } from "../helpers/http";
import { sessionCookieName } from "@/lib/auth/session/cookie";

const WRONG = "Not-The-Right-Passphrase-1";

async function setThrottle(email: string, set: PgUpdateSetSource<typeof throttles>) {
  const rows = await (await db()).update(throttles).set(set).where(eq(throttles.key, loginKey(email))).returning();
  expect(rows, "login throttle row").toHaveLength(1);
}

async function ipCount(ip: string, window: "min" | "hour"): Promise<number | null> {
  const [row] = await (await db()).select().from(throttles).where(eq(throttles.key, `ip-${window}:${ip}`));
  return row?.count ?? null;
}

async function loginAttempts(email: string): Promise<number | null> {
  const [row] = await (await db()).select().from(throttles).where(eq(throttles.key, loginKey(email)));
  return row?.count ?? null;
}

async function fail5(email: string) {
  for (let i = 0; i < 5; i++) expect((await login(email, WRONG)).status).toBe(401);
}

describe("login: answers", () => {
  it("answers 200 { user, token } with the session cookie, and no secrets in the user", async () => {
    const p = await verifiedPatient();
    const res = await login(` ${p.email.toUpperCase()} `, p.password);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["token", "user"]);
    expect(res.body.user).toMatchObject({ email: p.email, role: "patient" });
    for (const secret of ["passwordHash", "password_hash", "password", "tokenVersion", "token_version"]) {
      expect(res.body.user).not.toHaveProperty(secret);
    }
    expect(JSON.stringify(res.body)).not.toContain("$argon2");
    expect(res.cookie).toMatch(new RegExp(`^${sessionCookieName()}=${res.body.token};`));
    expect(res.cookie).toMatch(/HttpOnly/);
    expect((await call(meRoute, "GET", { token: res.body.token })).status).toBe(200);
  });

  it("answers 401 INVALID_CREDENTIALS with identical bodies for a wrong password and an unknown email", async () => {
    const p = await verifiedPatient();
    const wrong = await login(p.email, WRONG);
    const unknown = await login(uniqueEmail("nobody"), p.password);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: expect.any(String), code: "INVALID_CREDENTIALS" });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.cookie).toBeNull();
  });

  it("tells an unverified account EMAIL_NOT_VERIFIED (403) only with the right password", async () => {
    const { email, password } = await signUpPatient();
    const right = await login(email, password);
    expect(right.status).toBe(403);
    expect(right.body.code).toBe("EMAIL_NOT_VERIFIED");
    expect(right.cookie).toBeNull();
    const wrong = await login(email, WRONG);
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe("INVALID_CREDENTIALS");
  });

  it("answers 403 ACCOUNT_SUSPENDED to a suspended account with the right password (401 with a wrong one)", async () => {
    const p = await verifiedPatient();
    await (await db()).update(users).set({ status: "suspended" }).where(eq(users.email, p.email));
    const right = await login(p.email, p.password);
    expect(right.status).toBe(403);
    expect(right.body.code).toBe("ACCOUNT_SUSPENDED");
    expect(right.body).not.toHaveProperty("token");
    expect((await login(p.email, WRONG)).status).toBe(401);
  });

  it("verifies a legacy bcrypt hash and replaces it with Argon2id", async () => {
    const p = await verifiedPatient();
    await (await db()).update(users).set({ passwordHash: bcrypt.hashSync(p.password, 4) }).where(eq(users.email, p.email));
    expect((await login(p.email, WRONG)).status).toBe(401);
    expect((await userRow(p.email))!.passwordHash).toMatch(/^\$2b\$/);
    expect((await login(p.email, p.password)).status).toBe(200);
    expect((await userRow(p.email))!.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await login(p.email, p.password)).status).toBe(200);
  });

  it("records signin_ok and signin_failed security events", async () => {
    const p = await verifiedPatient();
    await login(p.email, WRONG);
    await login(p.email, p.password);
    const ghostIp = randomIp();
    await login(uniqueEmail("nobody"), WRONG, { ip: ghostIp });
    const d = await db();
    const own = await d.select().from(securityEvents).where(eq(securityEvents.userId, p.user.id));
    expect(own.map((e) => e.type)).toEqual(expect.arrayContaining(["signin_failed", "signin_ok"]));
    const ghost = await d.select().from(securityEvents).where(and(eq(securityEvents.ip, ghostIp), eq(securityEvents.type, "signin_failed")));
    expect(ghost).toHaveLength(1);
  });
});

describe("login: per-account throttling", () => {
  it("after 5 failures answers 429 TOO_MANY_ATTEMPTS with Retry-After, even to the right password", async () => {
    const p = await verifiedPatient();
    await fail5(p.email);
    await setThrottle(p.email, { lastAt: new Date() }); // "the 5th failure was just now", however slow this machine is
    const res = await login(p.email, p.password);
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ error: expect.any(String), code: "TOO_MANY_ATTEMPTS" });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(res.cookie).toBeNull();
  });

  it("throttles an unknown email exactly like a real one", async () => {
    const p = await verifiedPatient();
    const ghost = uniqueEmail("nobody");
    await fail5(p.email);
    await fail5(ghost);
    await setThrottle(p.email, { lastAt: new Date() });
    await setThrottle(ghost, { lastAt: new Date() });
    const real = await login(p.email, WRONG);
    const unknown = await login(ghost, WRONG);
    expect(unknown.status).toBe(429);
    expect(unknown.body).toEqual(real.body);
  });

  it("lets the right password in once the back-off has passed, and then starts counting afresh", async () => {
    const p = await verifiedPatient();
    await fail5(p.email);
    await setThrottle(p.email, { lastAt: secondsAgo(3601) });
    expect((await login(p.email, p.password)).status).toBe(200);
    await fail5(p.email); // would be 429 if the counter had not been reset
    await setThrottle(p.email, { lastAt: new Date() });
    expect((await login(p.email, p.password)).status).toBe(429);
  });

  it("backs off longer as failures grow: after 8, 3 seconds since the last is not enough", async () => {
    const p = await verifiedPatient();
    await fail5(p.email);
    await setThrottle(p.email, { count: 8, lastAt: secondsAgo(3) }); // 2^(8-5) = 8 s
    const res = await login(p.email, p.password);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(4);
    await setThrottle(p.email, { lastAt: secondsAgo(3601) });
    expect((await login(p.email, p.password)).status).toBe(200);
  });

  it("hard-stops at 100 failures with 429 ACCOUNT_LOCKED, even with the right password and long after", async () => {
    const p = await verifiedPatient();
    expect((await login(p.email, WRONG)).status).toBe(401);
    await setThrottle(p.email, { count: 100, lastAt: secondsAgo(2 * 86400) });
    const res = await login(p.email, p.password);
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ error: expect.any(String), code: "ACCOUNT_LOCKED" });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("login: per-IP bucket", () => {
  it("answers the 31st request in a minute from one IP (any mix of endpoints) with 429 RATE_LIMITED", async () => {
    const p = await verifiedPatient();
    const ip = randomIp();
    const requests = [
      () => call(loginRoute, "POST", { body: { email: uniqueEmail("nobody"), password: WRONG }, ip, path: "/api/auth/login" }),
      () => call(signupRoute, "POST", { body: { email: "not-an-email" }, ip, path: "/api/auth/signup" }),
      () => call(verifyRoute, "POST", { body: { email: uniqueEmail("nobody"), code: "000000" }, ip, path: "/api/auth/verify-otp" }),
      () => call(resendRoute, "POST", { body: { email: uniqueEmail("nobody") }, ip, path: "/api/auth/resend-otp" }),
    ];
    for (let i = 0; i < 30; i++) {
      const res = await requests[i % requests.length]!();
      expect(res.status, `request ${i + 1}`).not.toBe(429);
    }
    const res = await call(loginRoute, "POST", { body: { email: p.email, password: p.password }, ip, path: "/api/auth/login" });
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ error: expect.any(String), code: "RATE_LIMITED" });
    const retry = Number(res.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await call(signupRoute, "POST", { body: { email: "x" }, ip, path: "/api/auth/signup" })).status).toBe(429);

    expect((await login(p.email, p.password, { ip: randomIp() })).status).toBe(200);
  });

  // Sign-in counts the request in the statement that claims the attempt (after reading its body);
  // the handler counts what fails before that. The answers must be those of counting first.
  it("counts sign-in requests whose body is refused, and answers them 429 once the IP is over its limit", async () => {
    const ip = randomIp();
    const bad = [
      () => call(loginRoute, "POST", { rawBody: "{not json", ip, path: "/api/auth/login" }),
      () => call(loginRoute, "POST", { body: { email: "not-an-email", password: WRONG }, ip, path: "/api/auth/login" }),
      () => call(loginRoute, "POST", { rawBody: "x", headers: { "content-type": "text/plain" }, ip, path: "/api/auth/login" }),
    ];
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await bad[i % bad.length]!()).status);
    expect(new Set(statuses)).toEqual(new Set([400, 415]));
    expect(await ipCount(ip, "min")).toBe(30);
    for (const send of bad) {
      const res = await send();
      expect(res.status).toBe(429);
      expect(res.body.code).toBe("RATE_LIMITED");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(await ipCount(ip, "min")).toBe(33);
  });

  it("counts a sign-in once, and an IP over its limit claims no attempt against the account", async () => {
    const p = await verifiedPatient();
    const ip = randomIp();
    expect((await login(p.email, WRONG, { ip })).status).toBe(401);
    expect(await ipCount(ip, "min")).toBe(1);
    expect(await ipCount(ip, "hour")).toBe(1);
    expect(await loginAttempts(p.email)).toBe(1);

    await (await db()).update(throttles).set({ count: 30 }).where(eq(throttles.key, `ip-min:${ip}`));
    const res = await login(p.email, WRONG, { ip });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe("RATE_LIMITED");
    expect(await ipCount(ip, "min")).toBe(31);
    expect(await ipCount(ip, "hour")).toBe(1); // the hour is counted only within the minute's limit
    expect(await loginAttempts(p.email)).toBe(1);

    expect((await login(p.email, p.password, { ip: randomIp() })).status).toBe(200);
    expect(await loginAttempts(p.email)).toBeNull(); // a sign-in clears the account's attempts
  });

  it("answers 429 RATE_LIMITED once an IP has made 300 requests in an hour", async () => {
    const p = await verifiedPatient();
    const ip = randomIp();
    expect((await login(p.email, p.password, { ip })).status).toBe(200);
    const rows = await (await db())
      .update(throttles)
      .set({ count: 300 })
      .where(and(like(throttles.key, "%hour%"), like(throttles.key, `%:${ip}`)))
      .returning();
    expect(rows).toHaveLength(1);
    const res = await login(p.email, p.password, { ip });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe("RATE_LIMITED");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(60);
  });
});
