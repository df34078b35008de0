import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, startApp } from "./app";
import { sharedApp } from "./shared";

/** What only the real server shows: headers, redirects, the socket address, start-up checks. */
describe("production server", () => {
  const app = sharedApp();

  it("sends a nonce-based CSP without unsafe-eval and the other security headers on pages", async () => {
    const res = await fetch(`${app.url}/auth/login`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await res.text();
    const nonce = csp.match(/'nonce-([^']+)'/)![1]!;
    expect(html).toContain(`nonce="${nonce}"`);
  });

  it("marks API responses no-store and answers unknown API paths in the error shape", async () => {
    const res = await fetch(`${app.url}/api/nope/at/all`);
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(await res.json()).toEqual({ error: expect.any(String), code: "NOT_FOUND" });
  });

  it("sends signed-out visitors of protected pages to sign-in with next", async () => {
    for (const path of ["/dashboard", "/account"]) {
      const res = await fetch(`${app.url}${path}`, { redirect: "manual" });
      expect(res.status).toBe(307);
      expect(new URL(res.headers.get("location")!, app.url).pathname + new URL(res.headers.get("location")!, app.url).search).toBe(
        `/auth/login?next=${encodeURIComponent(path)}`,
      );
    }
  });

  it("declares POST on every form, so a submit before hydration never puts secrets in a URL", async () => {
    for (const path of ["/auth/sign-up", "/auth/doctor/sign-up", "/auth/login", "/auth/verify-otp?email=a%40b.test", "/auth/forgot-password", "/auth/reset-password?email=a%40b.test"]) {
      const html = await (await fetch(`${app.url}${path}`)).text();
      const forms = html.match(/<form\b[^>]*>/g) ?? [];
      expect(forms.length, path).toBeGreaterThan(0);
      for (const form of forms) expect(form, path).toMatch(/method="post"/);
    }
    // And such a POST is answered with the page, not an error.
    const res = await fetch(`${app.url}/auth/login`, { method: "POST", body: new URLSearchParams({ email: "a@b.test", password: "x" }) });
    expect(res.status).toBeLessThan(500);
  });

  it("does not serve the dev mailbox in production", async () => {
    const res = await fetch(`${app.url}/dev/mailbox`);
    expect(res.status).toBe(404);
  });

});

/**
 * These need a server of their own: the per-IP test needs the default limit, which the shared
 * server raises (every browser test comes from 127.0.0.1); the lock test starts a second server on
 * a live server's data folder, which should not put the shared one at risk.
 */
describe("production server (its own, with the default limits)", () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("counts the per-IP limit against the socket address, whatever X-Forwarded-For claims", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await fetch(`${app.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i + 1}` },
        body: JSON.stringify({ email: `nobody${i}@example.test`, password: "whatever-password" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("refuses to start a second server on the same embedded database folder", async () => {
    await expect(startApp({ DATA_DIR: app.dataDir })).rejects.toThrow(/in use by process \d+/);
    // …and the first one is unharmed.
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  });
});

// Starting a server is what this tests, so it cannot use the shared one.
describe("start-up configuration", () => {
  it("does not start with a bad value and names the variable", async () => {
    await expect(startApp({ OTP_TTL_SECONDS: "soon" })).rejects.toThrow(/OTP_TTL_SECONDS/);
  });
});
