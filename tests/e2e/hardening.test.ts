import { readFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeFrom } from "../helpers/smtp";
import { type App, startApp } from "./app";

/**
 * The server entry on the real production server (scripts/serve.mjs on the .next-e2e build): what only the
 * entry process can do — the socket address, streamed bodies, response headers on every path,
 * stdout. docs/DECISIONS.md "Server entry and network".
 */
type Res = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

/** node:http rather than fetch: it can choose the local address (127.0.0.2 is another peer on Linux loopback). */
function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? "GET", headers: opts.headers, localAddress: opts.localAddress }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const json = (url: string, body: unknown, headers: Record<string, string> = {}, localAddress?: string) =>
  send(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body), localAddress });

const loginFails = (app: App, i: number, headers: Record<string, string>, localAddress?: string) =>
  json(`${app.url}/api/auth/login`, { email: `nobody-${i}-${Date.now()}@example.test`, password: "whatever-password-1" }, headers, localAddress);

/** 30 sign-in failures a minute per client IP pass; the 31st is 429. `headers(i)` varies whatever the client may forge. */
async function exhaustIpLimit(app: App, headers: (i: number) => Record<string, string>, localAddress?: string) {
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) statuses.push((await loginFails(app, i, headers(i), localAddress)).status);
  return statuses;
}
const limitedAfter30 = (statuses: number[]) => statuses.slice(0, 30).every((s) => s === 401) && statuses[30] === 429;

/** A verified account through the API; the session is created by verify-otp with these headers. Returns its token. */
async function signUp(app: App, headers: Record<string, string> = {}, localAddress?: string): Promise<{ token: string; setCookie: string }> {
  const email = `hardening-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const signup = await json(`${app.url}/api/auth/signup`, { name: "Hard Ening", email, password: "Quiet-Harbour-Lantern-42" }, headers, localAddress);
  expect(signup.status, signup.text).toBe(201);
  const code = codeFrom(await app.mail.waitFor(email));
  const verify = await json(`${app.url}/api/auth/verify-otp`, { email, code }, headers, localAddress);
  expect(verify.status, verify.text).toBe(200);
  return { token: JSON.parse(verify.text).token, setCookie: String(verify.headers["set-cookie"]) };
}

async function sessionIp(app: App, token: string): Promise<string> {
  const res = await send(`${app.url}/api/auth/sessions`, { headers: { authorization: `Bearer ${token}` } });
  return JSON.parse(res.text).sessions.find((s: { current: boolean }) => s.current).ip;
}

/**
 * POSTs `total` bytes of a JSON string value chunked (no Content-Length), as fast as the socket
 * takes them, and stops writing once the answer arrives. The server stops reading at the limit and
 * closes the connection, so a client still sending may get a reset before it reads the answer
 * (docs/DECISIONS.md "Bounded request bodies"): then `res` is null and the server's access line tells the status.
 */
function postChunked(url: string, total: number): Promise<{ res: Res | null; written: number }> {
  return new Promise((resolve) => {
    let written = 0;
    let answered = false;
    // No keep-alive pool: the socket must not outlive this request, and a reset after the answer
    // (on whichever object Node reports it) is expected, not a failure.
    const agent = new Agent({ keepAlive: false });
    const req = httpRequest(url, { method: "POST", agent, headers: { "content-type": "application/json" } }, (r) => {
      answered = true;
      let text = "";
      r.on("data", (d) => (text += d));
      r.on("end", () => resolve({ res: { status: r.statusCode!, headers: r.headers, text }, written }));
      r.on("error", () => resolve({ res: { status: r.statusCode!, headers: r.headers, text }, written }));
    });
    req.on("error", () => (answered ? undefined : resolve({ res: null, written })));
    req.on("socket", (socket) => socket.on("error", () => undefined));
    expect(req.getHeader("content-length")).toBeUndefined(); // sent chunked
    const chunk = Buffer.alloc(64 * 1024, "a");
    req.write('{"name":"');
    const pump = () => {
      while (written < total && !answered) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end('"}');
    };
    pump();
  });
}

/** The server's access lines (JSON on stdout) from `from` on. */
const accessLines = (app: App, from: number) =>
  app.logs
    .slice(from)
    .join("")
    .split("\n")
    .flatMap((l) => {
      try {
        const line = JSON.parse(l) as { msg?: string; method: string; path: string; status: number };
        return line.msg === "request" ? [line] : [];
      } catch {
        return []; // the tail of a line written before `from`
      }
    });

const rssKiB = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m)![1]);

describe("production server, defaults (http, no proxy trusted)", () => {
  let app: App;
  beforeAll(async () => {
    // A server that migrated its own database, as the memory bound below was measured on: one on a
    // copied folder reads its first pages into the heap later, during the measurement.
    app = await startApp({}, { emptyDataDir: true });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("cuts a 5 MB chunked JSON body to signup off with 413, and its memory grows by less than 5 MB", async () => {
    // Warm the route and its error paths first, so what is measured is the body, not first-use loading.
    for (let i = 0; i < 3; i++) {
      await json(`${app.url}/api/auth/signup`, {});
      await postChunked(`${app.url}/api/auth/signup`, 200 * 1024);
    }
    const before = rssKiB(app.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(app.pid))), 10);
    const logsFrom = app.logs.length;
    const { res, written } = await postChunked(`${app.url}/api/auth/signup`, 5 * 1024 * 1024).finally(() => clearInterval(sampler));
    await new Promise((r) => setTimeout(r, 300));
    const after = rssKiB(app.pid);
    peak = Math.max(peak, after);
    const answered = accessLines(app, logsFrom).filter((l) => l.method === "POST" && l.path === "/api/auth/signup");
    console.info(
      `5 MB chunked body: server answered ${answered.map((l) => l.status).join(",")}, client ${res ? `read ${res.status}` : "was reset before reading it"}; ` +
        `server RSS before ${(before / 1024).toFixed(1)} MiB, peak ${(peak / 1024).toFixed(1)} MiB (+${((peak - before) / 1024).toFixed(2)} MiB), after ${(after / 1024).toFixed(1)} MiB; client wrote ${(written / 2 ** 20).toFixed(1)} MiB before the answer`,
    );
    // The last warm-up's line may land here too (a line is written when its connection closes).
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((l) => l.status === 413)).toBe(true);
    if (res) expect(JSON.parse(res.text)).toEqual({ error: expect.any(String), code: "PAYLOAD_TOO_LARGE" });
    expect(peak - before).toBeLessThan(5 * 1024);
    expect((await send(`${app.url}/api/health`)).status).toBe(200);
  });

  it("ignores a client-sent private client-IP header as much as X-Forwarded-For", async () => {
    // From 127.0.0.3: a bucket of its own (the other tests here count against 127.0.0.1).
    const forged = (i: number) => ({ "x-caregate-client-ip": `203.0.113.${i + 1}`, "x-forwarded-for": `198.51.100.${i + 1}` });
    const statuses = await exhaustIpLimit(app, forged, "127.0.0.3");
    expect(limitedAfter30(statuses)).toBe(true);
  });

  it("gives every response its own X-Request-Id (a client's is replaced) and no HSTS on http", async () => {
    const a = await send(`${app.url}/auth/login`, { headers: { "x-request-id": "chosen-by-client-1234" } });
    const b = await send(`${app.url}/api/health`);
    const ids = [a.headers["x-request-id"], b.headers["x-request-id"]];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(a.headers["strict-transport-security"]).toBeUndefined();
  });

  it("writes one JSON object a line on stdout: access lines with the request id and no query string", async () => {
    const res = await send(`${app.url}/auth/reset-password?email=someone%40example.test&token=SECRETTOKEN123`);
    const id = res.headers["x-request-id"];
    await new Promise((r) => setTimeout(r, 200));
    const lines = app.logs.join("").split("\n").filter((l) => l.trim());
    for (const l of lines) expect(() => JSON.parse(l), l).not.toThrow();
    const access = lines.map((l) => JSON.parse(l)).find((l) => l.reqId === id && l.msg === "request");
    expect(access).toMatchObject({ level: "info", method: "GET", path: "/auth/reset-password", status: 200 });
    expect(app.logs.join("")).not.toContain("SECRETTOKEN123");
    expect(app.logs.join("")).not.toContain("someone");
  });
});

describe("production server behind two proxies on https (TRUST_PROXY=2)", () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ TRUST_PROXY: "2", APP_URL: "https://care.example.test" });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("sends HSTS on pages, API answers, static assets and 404s", async () => {
    const page = await send(`${app.url}/auth/login`);
    const asset = page.text.match(/\/_next\/static\/[^"]+\.js/)![0];
    for (const path of ["/auth/login", "/api/health", asset, "/no/such/page", "/api/no/such"]) {
      const res = await send(`${app.url}${path}`);
      expect(res.headers["strict-transport-security"], path).toBe("max-age=31536000; includeSubDomains");
    }
  });

  it("counts the client the CDN saw (second hop from the right), whatever the client forged to its left", async () => {
    const hops = (client: string) => (i: number) => ({ "x-forwarded-for": `6.6.6.${i}, ${client}, 10.0.0.1` });
    expect(limitedAfter30(await exhaustIpLimit(app, hops("198.51.100.7")))).toBe(true);
    expect((await loginFails(app, 99, hops("198.51.100.8")(0))).status).toBe(401);
  });

  it("issues a __Host- session cookie (Secure, Path=/, no Domain) that pages and the API accept, and signs out with Clear-Site-Data", async () => {
    const { token, setCookie } = await signUp(app, { "x-forwarded-for": "203.0.113.50, 198.51.100.9, 10.0.0.1" });
    expect(setCookie).toMatch(/^__Host-caregate_session=[^;]+; /);
    const attrs = setCookie.split("; ");
    expect(attrs).toEqual(expect.arrayContaining(["Secure", "Path=/", "HttpOnly", "SameSite=Lax"]));
    expect(attrs.some((a) => /^domain=/i.test(a))).toBe(false);
    expect(await sessionIp(app, token)).toBe("198.51.100.9");

    expect((await send(`${app.url}/dashboard`, { headers: { cookie: `__Host-caregate_session=${token}` } })).status).toBe(200);
    const unprefixed = await send(`${app.url}/dashboard`, { headers: { cookie: `caregate_session=${token}` } });
    expect(unprefixed.status).toBe(307);
    const out = await send(`${app.url}/api/auth/logout`, { method: "POST", headers: { cookie: `__Host-caregate_session=${token}`, origin: "https://care.example.test" } });
    expect(out.status).toBe(200);
    expect(out.headers["clear-site-data"]).toBe('"cookies"');
    expect(String(out.headers["set-cookie"])).toMatch(/^__Host-caregate_session=; .*Max-Age=0/);
  });
});

describe("production server with a list of trusted proxies (TRUST_PROXY=127.0.0.1,10.0.0.0/8)", () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("from a trusted proxy: the first hop from the right outside the list is the client", async () => {
    const { token } = await signUp(app, { "x-forwarded-for": "6.6.6.6, 198.51.100.20, 10.1.2.3" });
    expect(await sessionIp(app, token)).toBe("198.51.100.20");
  });

  it("from a peer outside the list (127.0.0.2): X-Forwarded-For is ignored and the socket address counts", async () => {
    const { token } = await signUp(app, { "x-forwarded-for": "198.51.100.21, 10.1.2.3" }, "127.0.0.2");
    expect(await sessionIp(app, token)).toBe("127.0.0.2");
    const statuses = await exhaustIpLimit(app, (i) => ({ "x-forwarded-for": `198.51.100.${100 + i}, 10.0.0.${i + 1}` }), "127.0.0.2");
    // Sign-up and verify above were the first 2 requests in the bucket of 127.0.0.2; whatever the
    // forged header says, the 29th sign-in attempt is the 31st request of that one bucket.
    expect(statuses.slice(0, 28).every((s) => s === 401)).toBe(true);
    expect(statuses[28]).toBe(429);
  });

  it("refuses to start with a bad TRUST_PROXY, naming it", async () => {
    await expect(startApp({ TRUST_PROXY: "10.0.0.0/33" })).rejects.toThrow(/TRUST_PROXY/);
  });
});
