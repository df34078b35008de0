import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import { GOOD_PASSWORD, uniqueLicense } from "../helpers/data";
import { codeFrom } from "../helpers/smtp";
import { type App, startApp } from "./app";
import { phonePage } from "./browser";

/**
 * A server of a test file's own with a superadmin, for stories that need an approved doctor: the
 * first superadmin comes from the command (npm run create-superadmin), which must open the data
 * folder before the server does (as in admin.test.ts). The shared Chromium is used as usual.
 */

export const ROOT_EMAIL = "records-root@example.test";
export const ROOT_PASSWORD = "Granite-Orchard-Violet-93";
const AUTH_SECRET = "e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

export async function postJson(url: string, body: unknown, token?: string, method = "POST") {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** A doctor signs up and confirms; the superadmin approves them through the administration API. Returns their id. */
export async function approvedDoctorByApi(app: App, doctor: { name: string; email: string; specialty?: string }) {
  const signup = { name: doctor.name, email: doctor.email, password: GOOD_PASSWORD, specialty: doctor.specialty ?? "Cardiology", licenseNumber: uniqueLicense() };
  expect((await postJson(`${app.url}/api/auth/signup-doctor`, signup)).status).toBe(201);
  const code = codeFrom(await app.mail.waitFor(doctor.email));
  const verify = await postJson(`${app.url}/api/auth/verify-otp`, { email: doctor.email, code });
  expect(verify.status).toBe(200);
  const root = await postJson(`${app.url}/api/auth/login`, { email: ROOT_EMAIL, password: ROOT_PASSWORD });
  expect(root.status).toBe(200);
  const approve = await postJson(`${app.url}/api/users/${verify.body.user.id}`, { approval: "approved" }, root.body.token, "PATCH");
  expect(approve.status).toBe(200);
  return verify.body.user.id as string;
}

/** For a describe block: the server (`server.app` once started) and pages on the shared Chromium. */
export function useAdminServer(tag: string) {
  let browser: Browser;
  const pages: Page[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), `caregate-e2e-${tag}-`));
  const server = {
    app: undefined as unknown as App,
    dataDir,
    async newPage(): Promise<Page> {
      const page = await phonePage(browser, server.app.url);
      pages.push(page);
      return page;
    },
    /** The same on a desktop-sized window (1280 × 900). */
    async newDesktopPage(): Promise<Page> {
      const page = await (await browser.newContext({ baseURL: server.app.url, viewport: { width: 1280, height: 900 } })).newPage();
      pages.push(page);
      return page;
    },
  };
  beforeAll(async () => {
    execFileSync("npm", ["run", "--silent", "create-superadmin", "--", "--email", ROOT_EMAIL, "--password", ROOT_PASSWORD], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET },
      stdio: ["ignore", "pipe", "inherit"],
    });
    [server.app, browser] = await Promise.all([startApp({ DATA_DIR: dataDir, AUTH_SECRET }), chromium.connect(inject("e2e").browserWsEndpoint)]);
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.context().close()));
  });
  afterAll(async () => {
    await browser?.close(); // only disconnects: the browser belongs to the global setup
    await server.app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return server;
}
