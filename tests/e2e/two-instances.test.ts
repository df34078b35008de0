import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { codeFrom } from "../helpers/smtp";
import { createFileDatabase } from "../setup/pg-database";
import { type App, startApp } from "./app";

/**
 * "Several app instances on one PostgreSQL" (docs/RULES.md "Throttling", "Email delivery"): two
 * production servers share one database behind a round-robin proxy on loopback, and everything that
 * must hold across instances holds — throttles add up, a code is used once, a revoked session is dead
 * everywhere at once, every queued message is sent exactly once. Each server has its own SMTP
 * capture, so "exactly once" is counted across both.
 *
 * It needs the production build (so it runs with the browser tests) and a PostgreSQL server
 * (TEST_DATABASE_URL, which `npm test` provides); it starts its own servers on purpose.
 */
const SERVER_URL = process.env.TEST_DATABASE_URL;
const LIMITS = { IP_LIMIT_PER_MINUTE: "8", IP_LIMIT_PER_HOUR: "1000", LOGIN_FREE_FAILURES: "5" };

/**
 * Forwards request n to backend n mod 2, appending the client address to X-Forwarded-For as a real
 * proxy does. The address is the socket's, unless the test names one in `x-test-client` (which the
 * proxy strips): that is how one test process plays several clients.
 */
function roundRobin(backends: string[]) {
  let n = 0;
  const server = createServer((req, res) => {
    const target = new URL(req.url ?? "/", backends[n++ % backends.length]);
    const client = (req.headers["x-test-client"] as string | undefined) ?? req.socket.remoteAddress ?? "";
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host };
    delete headers["x-test-client"];
    headers["x-forwarded-for"] = [req.headers["x-forwarded-for"], client].filter(Boolean).join(", ");
    const upstream = httpRequest(target, { method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise<{ url: string; server: Server }>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}

describe("two instances on one PostgreSQL database", () => {
  let a: App;
  let b: App;
  let proxy: { url: string; server: Server };
  let dropDb: () => Promise<void>;

  beforeAll(async () => {
    if (!SERVER_URL) {
      throw new Error("This test needs a PostgreSQL server: apt-get install -y postgresql, then run it through `npm test` (or set TEST_DATABASE_URL).");
    }
    const fileDb = await createFileDatabase(SERVER_URL);
    dropDb = fileDb.drop;
    const env = { ...LIMITS, DATABASE_URL: fileDb.url, TRUST_PROXY: "1" };
    a = await startApp(env); // migrates the new database
    b = await startApp(env);
    proxy = await roundRobin([a.url, b.url]);
  }, 180_000);

  afterAll(async () => {
    proxy?.server.close();
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await dropDb?.();
  });

  const post = (path: string, body: unknown, init: { client?: string; token?: string; base?: string } = {}) =>
    fetch(`${init.base ?? proxy.url}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(init.client ? { "x-test-client": init.client } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  const received = (email: string) => [...a.mail.to(email), ...b.mail.to(email)];
  async function waitForMail(email: string, n = 1) {
    const deadline = Date.now() + 20_000;
    while (received(email).length < n) {
      if (Date.now() > deadline) throw new Error(`no email #${n} to ${email}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return received(email)[n - 1]!;
  }
  async function verifiedAccount(client: string) {
    const email = uniqueEmail("twin");
    expect((await post("/api/auth/signup", { name: "Twin", email, password: GOOD_PASSWORD }, { client })).status).toBe(201);
    const code = codeFrom(await waitForMail(email));
    const res = await post("/api/auth/verify-otp", { email, code }, { client });
    expect(res.status).toBe(200);
    return { email, token: ((await res.json()) as { token: string }).token };
  }

  it("the per-IP limit counts requests on both instances together", async () => {
    const client = "198.51.100.7";
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      statuses.push((await post("/api/auth/login", { email: uniqueEmail("nobody"), password: "Wrong-Password-1" }, { client })).status);
    }
    // 8 a minute per client IP, alternating instances: the 9th is refused, whichever instance gets it.
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses[8]).toBe(429);
  });

  it("the per-account sign-in back-off counts failures on both instances together", async () => {
    const { email } = await verifiedAccount("198.51.100.20");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await post("/api/auth/login", { email, password: `Wrong-Password-${i}` }, { client: `198.51.100.${30 + i}` })).status);
    }
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401));
    expect(statuses[5]).toBe(429);
  });

  it("a code is used once: of 20 parallel verifies spread over both instances exactly one succeeds", async () => {
    const email = uniqueEmail("race");
    expect((await post("/api/auth/signup", { name: "Racer", email, password: GOOD_PASSWORD }, { client: "198.51.100.50" })).status).toBe(201);
    const code = codeFrom(await waitForMail(email));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post("/api/auth/verify-otp", { email, code }, { client: `198.51.100.${60 + i}` }).then((r) => r.status)),
    );
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s !== 200).every((s) => s === 400)).toBe(true);
  });

  it("a session revoked on one instance is refused by the other at once", async () => {
    const { token } = await verifiedAccount("198.51.100.90");
    const me = (base: string) => fetch(`${base}/api/users/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await me(b.url)).toBe(200);
    expect((await post("/api/auth/logout", {}, { token, base: a.url })).status).toBe(200);
    expect(await me(b.url)).toBe(401);
    expect(await me(a.url)).toBe(401);
  });

  it("every queued message is sent exactly once, by one instance or the other", async () => {
    const emails = Array.from({ length: 12 }, () => uniqueEmail("once"));
    const statuses = await Promise.all(
      emails.map((email, i) => post("/api/auth/signup", { name: "Once", email, password: GOOD_PASSWORD }, { client: `203.0.113.${i + 1}` }).then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(12).fill(201));
    for (const email of emails) await waitForMail(email);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would arrive within the senders' next rounds
    for (const email of emails) expect(received(email)).toHaveLength(1);
  });
});
