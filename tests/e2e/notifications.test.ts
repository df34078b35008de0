import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { pdfBytes } from "../helpers/files";
import { codeFrom } from "../helpers/smtp";
import { type App, startApp } from "./app";
import { expectAxeClean } from "./axe";
import { phonePage } from "./browser";
import { signUpAndConfirm } from "./flows";

/**
 * docs/NOTIFICATIONS.md in the browser: a patient turns "a doctor opened my records" off on
 * /account/data and the next doctor's read sends nothing; the unsubscribe link of an earlier email is a
 * page whose button works under the production build's headers.
 */
const ROOT_EMAIL = "notify-root@example.test";
const ROOT_PASSWORD = "Granite-Orchard-Violet-93";
const AUTH_SECRET = "e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const VIEWED = /opened your health records$/;

async function api(app: App, method: string, p: string, body?: unknown, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${app.url}${p}`, {
    method,
    headers: { ...(body instanceof FormData ? {} : { "content-type": "application/json" }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** A doctor signs up and confirms through the API; the superadmin approves them. Returns their token. */
async function approvedDoctor(app: App, rootToken: string, name: string) {
  const email = uniqueEmail("doc");
  expect((await api(app, "POST", "/api/auth/signup-doctor", { name, email, password: GOOD_PASSWORD, specialty: "Cardiology", licenseNumber: `GMC${Date.now()}${name.length}` })).status).toBe(201);
  const verify = await api(app, "POST", "/api/auth/verify-otp", { email, code: codeFrom(await app.mail.waitFor(email)) });
  expect(verify.status).toBe(200);
  expect((await api(app, "PATCH", `/api/users/${verify.body.user.id}`, { approval: "approved" }, rootToken)).status).toBe(200);
  return { id: verify.body.user.id as string, token: verify.body.token as string };
}

describe("notification choices in the browser", () => {
  let app: App;
  let browser: Browser;
  let page: Page;
  const dataDir = mkdtempSync(path.join(tmpdir(), "caregate-e2e-notify-"));

  beforeAll(async () => {
    execFileSync("npm", ["run", "--silent", "create-superadmin", "--", "--email", ROOT_EMAIL, "--password", ROOT_PASSWORD], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET },
      stdio: ["ignore", "pipe", "inherit"],
    });
    [app, browser] = await Promise.all([startApp({ DATA_DIR: dataDir, AUTH_SECRET }), chromium.connect(inject("e2e").browserWsEndpoint)]);
  });
  afterAll(async () => {
    await page?.context().close();
    await browser?.close(); // only disconnects: the browser belongs to the global setup
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("record viewed: off on /account/data means the next doctor's read sends nothing", async () => {
    const root = await api(app, "POST", "/api/auth/login", { email: ROOT_EMAIL, password: ROOT_PASSWORD });
    const first = await approvedDoctor(app, root.body.token, "Dr Leila First");
    const second = await approvedDoctor(app, root.body.token, "Dr Karim Second");

    page = await phonePage(browser, app.url);
    const email = uniqueEmail("pat");
    await signUpAndConfirm(page, app.mail, "Mona Patient", email);
    const patient = await api(app, "POST", "/api/auth/login", { email, password: GOOD_PASSWORD });
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(pdfBytes(3000))], { type: "application/pdf" }), "lab.pdf");
    const record = await api(app, "POST", "/api/records", form, patient.body.token);
    expect(record.status).toBe(201);
    for (const d of [first, second]) expect((await api(app, "POST", "/api/grants", { doctorId: d.id }, patient.body.token)).status).toBe(201);
    const viewed = () => app.mail.to(email).filter((m) => VIEWED.test(m.subject));

    // On by default: the first doctor's read is told.
    expect((await api(app, "GET", `/api/records/${record.body.record.id}`, undefined, first.token)).status).toBe(200);
    await expect.poll(() => viewed().length, { timeout: 10_000 }).toBe(1);
    const link = /http:\/\/127\.0\.0\.1:\d+\/api\/unsubscribe\/\S+/.exec(viewed()[0]!.text)![0];

    // The patient turns it off on the page; the switch says so after a reload.
    await page.goto("/account/data");
    const toggle = page.getByRole("switch", { name: "A doctor opened my records" });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.getByText("Security emails cannot be turned off").waitFor();
    await toggle.click();
    await page.getByText("Your email choices were saved.").waitFor();
    await page.reload();
    await expect.poll(() => page.getByRole("switch", { name: "A doctor opened my records" }).isChecked()).toBe(false);
    await expectAxeClean(page);

    // The second doctor reads. A sign-in alert queued after that read is the barrier: the queue
    // delivers in order, so once it has arrived a record-viewed email would have too.
    expect((await api(app, "GET", `/api/records/${record.body.record.id}`, undefined, second.token)).status).toBe(200);
    const alerts = () => app.mail.to(email).filter((m) => m.subject === "New sign-in to your CareGate account").length;
    const before = alerts();
    expect((await api(app, "POST", "/api/auth/login", { email, password: GOOD_PASSWORD }, undefined, { "user-agent": "barrier-client/1.0" })).status).toBe(200);
    await expect.poll(alerts, { timeout: 10_000 }).toBe(before + 1);
    expect(viewed()).toHaveLength(1);

    // The unsubscribe link of the earlier email: a page (not JSON) whose button works.
    expect((await api(app, "PATCH", "/api/users/me/notifications", { recordViewed: true }, patient.body.token)).status).toBe(200);
    const opened = await page.goto(link);
    expect(opened!.headers()["content-type"]).toMatch(/^text\/html/);
    expect(opened!.headers()["content-security-policy"]).not.toMatch(/sandbox/);
    expect((await api(app, "GET", "/api/users/me/notifications", undefined, patient.body.token)).body.recordViewed).toBe(true);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.getByRole("heading", { name: "You are unsubscribed" }).waitFor();
    expect((await api(app, "GET", "/api/users/me/notifications", undefined, patient.body.token)).body).toEqual({ recordViewed: false, grantExpiring: true });
  });
});
