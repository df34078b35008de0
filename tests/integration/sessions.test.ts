import { eq, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { decodeJwt, SignJWT, UnsecuredJWT } from "jose";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as logoutRoute from "@/app/api/auth/logout/route";
import * as logoutAllRoute from "@/app/api/auth/logout-all/route";
import * as sessionRoute from "@/app/api/auth/sessions/[id]/route";
import * as sessionsRoute from "@/app/api/auth/sessions/route";
import * as meRoute from "@/app/api/users/me/route";
import { config } from "@/lib/config";
import { sessions, users } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { login, me } from "../helpers/api";
import { secondsAgo } from "../helpers/arrange";
import { db, sessionRow, userRow } from "../helpers/db";
import { call, sessionIdOf } from "../helpers/http";
import { sessionCookieName } from "@/lib/auth/session/cookie";


async function expectUnauthenticated(res: Promise<Awaited<ReturnType<typeof me>>>) {
  const r = await res;
  expect(r.status).toBe(401);
  expect(r.body).toEqual({ error: expect.any(String), code: "UNAUTHENTICATED" });
}

const key = (secret: string) => new TextEncoder().encode(secret);
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

async function signed(claims: Record<string, unknown>, secret = config().AUTH_SECRET, exp: number | string = "1h") {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setIssuedAt().setExpirationTime(exp).sign(key(secret));
}

describe("authentication", () => {
  it("accepts the token as Bearer and as the session cookie", async () => {
    const p = await verifiedPatient();
    expect((await me(p.token)).body.user.email).toBe(p.email);
    const viaCookie = await call(meRoute, "GET", { cookie: p.cookie });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body.user.email).toBe(p.email);
  });

  it("answers 401 UNAUTHENTICATED in the error shape without credentials", async () => {
    await expectUnauthenticated(call(meRoute, "GET"));
    await expectUnauthenticated(call(meRoute, "GET", { headers: { authorization: "Bearer" } }));
    await expectUnauthenticated(call(meRoute, "GET", { cookie: `${sessionCookieName()}=` }));
  });

  it("rejects forged tokens, while an honestly signed one with the same claims works", async () => {
    const p = await verifiedPatient();
    const other = await verifiedPatient();
    const { sub, sid, ver } = decodeJwt(p.token);

    // Control: our key and all required claims → accepted (so the rejections below are meaningful).
    expect((await me(await signed({ sub, sid, ver }))).status).toBe(200);

    const [h, , s] = p.token.split(".");
    const claims = decodeJwt(p.token);
    // Only the signature can catch a changed `exp`; a changed `sub` is also caught by the session row.
    await expectUnauthenticated(me(`${h}.${b64({ ...claims, exp: claims.exp! + 3600 })}.${s}`));
    await expectUnauthenticated(me(`${h}.${b64({ ...claims, sub: other.user.id })}.${s}`));
    await expectUnauthenticated(me(await signed({ sub, sid, ver }, "another-secret-0123456789-abcdefghijklmnop")));
    await expectUnauthenticated(me(new UnsecuredJWT({ sub, sid, ver }).setIssuedAt().setExpirationTime("1h").encode()));
    await expectUnauthenticated(me(`${b64({ alg: "none", typ: "JWT" })}.${p.token.split(".")[1]}.`));
    await expectUnauthenticated(me(await signed({ sub, sid })));
    await expectUnauthenticated(me(await signed({ sub, ver })));
    await expectUnauthenticated(me(await signed({ sub, sid, ver }, undefined, Math.floor(Date.now() / 1000) - 10)));
    await expectUnauthenticated(me("not.a.token"));
  });
});

describe("session list and ending one session", () => {
  it("lists the account's sessions with { id, createdAt, lastSeenAt, ip, userAgent, device, current }", async () => {
    const p = await verifiedPatient();
    const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0";
    const second = await login(p.email, p.password, { headers: { "user-agent": firefox }, ip: "10.77.66.55" });
    const res = await call(sessionsRoute, "GET", { token: second.body.token });
    expect(res.status).toBe(200);
    expect(res.body.sessions).toHaveLength(2);
    for (const s of res.body.sessions) {
      expect(Object.keys(s).sort()).toEqual(["createdAt", "current", "device", "id", "ip", "lastSeenAt", "userAgent"]);
    }
    const current = res.body.sessions.filter((s: any) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ id: sessionIdOf(second.body.token), ip: "10.77.66.55", userAgent: firefox, device: "Firefox on Linux" });
    expect(res.body.sessions.find((s: any) => !s.current).id).toBe(sessionIdOf(p.token));
  });

  it("ends another own session with DELETE /api/auth/sessions/{id}", async () => {
    const p = await verifiedPatient();
    const second = (await login(p.email, p.password)).body.token as string;
    const res = await call(sessionRoute, "DELETE", { token: second, params: { id: sessionIdOf(p.token) } });
    expect(res.status).toBe(200);
    await expectUnauthenticated(me(p.token));
    expect((await me(second)).status).toBe(200);
    const list = await call(sessionsRoute, "GET", { token: second });
    expect(list.body.sessions.map((s: any) => s.id)).toEqual([sessionIdOf(second)]);
  });

  it("answers 404 NOT_FOUND for someone else's session, an unknown id and a malformed id", async () => {
    const p = await verifiedPatient();
    const other = await verifiedPatient();
    for (const id of [sessionIdOf(other.token), randomUUID(), "not-a-uuid"]) {
      const res = await call(sessionRoute, "DELETE", { token: p.token, params: { id } });
      expect(res.status, id).toBe(404);
      expect(res.body).toEqual({ error: expect.any(String), code: "NOT_FOUND" });
    }
    expect((await me(other.token)).status).toBe(200);
    await expectUnauthenticated(call(sessionRoute, "DELETE", { params: { id: sessionIdOf(p.token) } }));
    expect((await me(p.token)).status).toBe(200);
  });
});

describe("signing out", () => {
  it("logout ends this session, clears the cookie (Max-Age=0) and kills the token", async () => {
    const p = await verifiedPatient();
    const res = await call(logoutRoute, "POST", { cookie: p.cookie });
    expect(res.status).toBe(200);
    const attrs = res.cookie!.split(";").map((a) => a.trim());
    expect(attrs[0]).toBe(`${sessionCookieName()}=`);
    expect(attrs).toContain("Max-Age=0");
    expect(attrs).toContain("Path=/");
    // …and the browser is told to drop every cookie of the origin (docs/DECISIONS.md "Sign-out clears cookies").
    expect(res.headers.get("clear-site-data")).toBe('"cookies"');
    await expectUnauthenticated(me(p.token));
    expect((await sessionRow(sessionIdOf(p.token)))!.endedAt).not.toBeNull();
  });

  it("logout without a session answers 200 and clears the cookie", async () => {
    const res = await call(logoutRoute, "POST");
    expect(res.status).toBe(200);
    expect(res.cookie).toMatch(new RegExp(`^${sessionCookieName()}=;.*Max-Age=0`));
    expect(res.headers.get("clear-site-data")).toBe('"cookies"');
  });

  it("logout-all kills every token of the account and bumps tokenVersion", async () => {
    const p = await verifiedPatient();
    const b = (await login(p.email, p.password)).body.token as string;
    const c = (await login(p.email, p.password)).body.token as string;
    const before = (await userRow(p.email))!.tokenVersion;
    const res = await call(logoutAllRoute, "POST", { token: b });
    expect(res.headers.get("clear-site-data")).toBe('"cookies"');
    expect(res.status).toBe(200);
    for (const t of [p.token, b, c]) await expectUnauthenticated(me(t));
    expect((await userRow(p.email))!.tokenVersion).toBe(before + 1);
    expect((await login(p.email, p.password)).status).toBe(200);
  });

  it("logout-all without a session is 401; a 401 or a sign-in never asks to clear cookies", async () => {
    const res = await call(logoutAllRoute, "POST");
    await expectUnauthenticated(Promise.resolve(res));
    expect(res.headers.get("clear-site-data")).toBeNull();
    const p = await verifiedPatient();
    const signIn = await login(p.email, p.password);
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("clear-site-data")).toBeNull();
  });
});

describe("session expiry and revocation", () => {
  const setSession = async (token: string, set: PgUpdateSetSource<typeof sessions>) =>
    (await db()).update(sessions).set(set).where(eq(sessions.id, sessionIdOf(token)));

  it("ends a session idle for 31 minutes (29 minutes is still fine)", async () => {
    const idle = await verifiedPatient();
    const active = await verifiedPatient();
    await setSession(idle.token, { lastSeenAt: secondsAgo(31 * 60) });
    await setSession(active.token, { lastSeenAt: secondsAgo(29 * 60) });
    await expectUnauthenticated(me(idle.token));
    await expectUnauthenticated(call(meRoute, "GET", { cookie: idle.cookie }));
    expect((await me(active.token)).status).toBe(200);
  });

  it("keeps a used session alive: each request moves lastSeenAt forward", async () => {
    const p = await verifiedPatient();
    await setSession(p.token, { lastSeenAt: secondsAgo(29 * 60) });
    expect((await me(p.token)).status).toBe(200);
    const row = (await sessionRow(sessionIdOf(p.token)))!;
    expect(Date.now() - row.lastSeenAt.getTime()).toBeLessThan(5 * 60 * 1000);
  });

  it("ends a session past its absolute expiry", async () => {
    const p = await verifiedPatient();
    await setSession(p.token, { expiresAt: secondsAgo(1) });
    await expectUnauthenticated(me(p.token));
  });

  it("kills every token when tokenVersion is bumped in the database", async () => {
    const p = await verifiedPatient();
    await (await db()).update(users).set({ tokenVersion: sql`${users.tokenVersion} + 1` }).where(eq(users.email, p.email));
    await expectUnauthenticated(me(p.token));
    await expectUnauthenticated(call(meRoute, "GET", { cookie: p.cookie }));
  });

  it("ends the live session of a suspended user", async () => {
    const p = await verifiedPatient();
    await (await db()).update(users).set({ status: "suspended" }).where(eq(users.email, p.email));
    await expectUnauthenticated(me(p.token));
  });
});
