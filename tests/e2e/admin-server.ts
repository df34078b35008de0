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
 * A server of a test file's own with a superadmin, for stories that need an administrator (or a
 * doctor one approved): the first superadmin comes from the command (npm run create-superadmin),
 * which must open the data folder before the server does, so the command itself stays tested. The
 * shared Chromium is used as usual.
 */

const ROOT_PASSWORD = "Granite-Orchard-Violet-93";
const AUTH_SECRET = "e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

/** A JSON (or multipart, for FormData) request with an optional bearer token; the answer's status and parsed body. */
export async function requestJson(method: string, url: string, body?: unknown, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method,
    headers: { ...(body instanceof FormData ? {} : { "content-type": "application/json" }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

export const postJson = (url: string, body: unknown, token?: string, method = "POST") => requestJson(method, url, body, token);

export type AdminServerOptions = {
  /** The superadmin the command makes; by default root-<tag>@example.test with a fixed strong password. */
  root?: { email?: string; password?: string; name?: string };
  /** How the browser and the API reach the server: passkey tests need "localhost" (WebAuthn refuses an IP address). */
  hostname?: "127.0.0.1" | "localhost";
};

export type AdminServer = ReturnType<typeof useAdminServer>;

/**
 * A doctor signs up and confirms; the superadmin approves them through the administration API.
 * Returns their id and bearer token.
 */
export async function approvedDoctorByApi(server: AdminServer, doctor: { name: string; email: string; specialty?: string }) {
  const { app } = server;
  const signup = { name: doctor.name, email: doctor.email, password: GOOD_PASSWORD, specialty: doctor.specialty ?? "Cardiology", licenseNumber: uniqueLicense() };
  expect((await postJson(`${app.url}/api/auth/signup-doctor`, signup)).status).toBe(201);
  const code = codeFrom(await app.mail.waitFor(doctor.email));
  const verify = await postJson(`${app.url}/api/auth/verify-otp`, { email: doctor.email, code });
  expect(verify.status).toBe(200);
  const approve = await postJson(`${app.url}/api/users/${verify.body.user.id}`, { approval: "approved" }, await server.rootToken(), "PATCH");
  expect(approve.status).toBe(200);
  return { id: verify.body.user.id as string, token: verify.body.token as string };
}

/**
 * For a describe block: the server (`server.app` once started), its superadmin (`server.root`) and
 * pages on the shared Chromium, closed after each test.
 */
export function useAdminServer(tag: string, opts: AdminServerOptions = {}) {
  let browser: Browser;
  let rootToken: Promise<string> | undefined;
  const pages: Page[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), `caregate-e2e-${tag}-`));
  const root = { email: opts.root?.email ?? `root-${tag}@example.test`, password: opts.root?.password ?? ROOT_PASSWORD, name: opts.root?.name };
  const track = (page: Page) => (pages.push(page), page);
  const server = {
    app: undefined as unknown as App,
    dataDir,
    root,
    /** A phone-sized page (360 px wide) in a context of its own. */
    newPage: async (): Promise<Page> => track(await phonePage(browser, server.app.url)),
    /** The same on a desktop-sized window (1280 × 900). */
    newDesktopPage: async (): Promise<Page> => track(await (await browser.newContext({ baseURL: server.app.url, viewport: { width: 1280, height: 900 } })).newPage()),
    /** The superadmin's bearer token, signed in once (every sign-in counts against the per-IP limit). */
    rootToken(): Promise<string> {
      rootToken ??= postJson(`${server.app.url}/api/auth/login`, { email: root.email, password: root.password }).then((r) => {
        expect(r.status).toBe(200);
        return r.body.token as string;
      });
      return rootToken;
    },
  };
  beforeAll(async () => {
    const name = root.name ? ["--name", root.name] : [];
    execFileSync("npm", ["run", "--silent", "create-superadmin", "--", "--email", root.email, "--password", root.password, ...name], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET },
      stdio: ["ignore", "pipe", "inherit"],
    });
    [server.app, browser] = await Promise.all([
      startApp({ DATA_DIR: dataDir, AUTH_SECRET }, { hostname: opts.hostname }),
      chromium.connect(inject("e2e").browserWsEndpoint),
    ]);
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
