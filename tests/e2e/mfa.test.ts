import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generate } from "otplib";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { type App, startApp } from "./app";
import { phonePage } from "./browser";
import { expectAxeClean } from "./axe";
import { expectNoSidewaysScroll, signIn, signUpAndConfirm } from "./flows";

/**
 * Two-step sign-in in the browser (docs/MFA.md). A server of its own: it is reached as localhost
 * (WebAuthn refuses IP addresses as the relying party) and its database starts with a superadmin
 * made by the real command-line tool before the server opens it.
 */
const ADMIN = { email: uniqueEmail("admin"), password: GOOD_PASSWORD };

let app: App;
let dataDir: string;
let browser: Browser;
const opened: Page[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "caregate-e2e-mfa-"));
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/create-superadmin.ts", "--email", ADMIN.email, "--password", ADMIN.password, "--name", "Ada Admin"], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz", NODE_ENV: "development" },
    stdio: "pipe",
  });
  app = await startApp({ DATA_DIR: dataDir }, { hostname: "localhost" });
  browser = await chromium.connect(inject("e2e").browserWsEndpoint);
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.context().close()));
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newPage() {
  const page = await phonePage(browser, app.url);
  opened.push(page);
  return page;
}

describe("two-step sign-in in the browser (360 px wide)", () => {
  it("an admin sets up TOTP by reading the key from the page, signs out, and signs in with the password and a code", async () => {
    const page = await newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/dashboard$/);
    // Inside the grace period: the banner says how long is left.
    await expect(page.getByTestId("mfa-grace-banner").textContent()).resolves.toContain("within 7 days");
    // …on every signed-in page, not only the dashboard.
    for (const path of ["/admin/users", "/admin/audit", "/account"]) {
      await page.goto(path);
      await expect(page.getByTestId("mfa-grace-banner").textContent(), path).resolves.toContain("within 7 days");
    }

    await page.goto("/account/two-step");
    const section = page.getByTestId("section-two-step");
    await section.getByRole("button", { name: "Set up an authenticator app" }).click();
    const secret = (await section.getByTestId("totp-secret").textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await section.getByRole("img", { name: "QR code for your authenticator app" }).getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    await expectNoSidewaysScroll(page);
    await expectAxeClean(page);

    await section.getByLabel("Code from your app").fill(await generate({ secret }));
    await section.getByRole("button", { name: "Turn on" }).click();
    const codes = section.getByTestId("recovery-codes").getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    const firstCodes = await codes.allTextContents();
    await section.getByRole("button", { name: "I saved my recovery codes" }).click();
    await section.getByText("An authenticator app is set up.").waitFor();
    await section.getByText("Unused recovery codes: 10 of 10.").waitFor();
    await page.goto("/dashboard");
    expect(await page.getByTestId("mfa-grace-banner").count()).toBe(0);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/auth\/login/);
    await signIn(page, ADMIN.email, ADMIN.password);
    const code = page.getByLabel("Code from your app");
    await code.waitFor();
    expect(await code.getAttribute("autocomplete")).toBe("one-time-code");
    // The set-up spent the current step; the next one is what the app shows next.
    await code.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL(/\/dashboard$/);
    expect(await page.getByRole("heading", { name: "Welcome, Ada Admin" }).isVisible()).toBe(true);

    // New recovery codes, proved with the password and one of the old codes: ten new ones, shown once.
    await page.goto("/account/two-step");
    const recovery = page.getByTestId("recovery-block");
    await recovery.getByRole("button", { name: "Make new recovery codes" }).click();
    await recovery.getByLabel("Current password").fill(ADMIN.password);
    await recovery.getByRole("button", { name: "Use a recovery code instead" }).click();
    await recovery.getByRole("textbox", { name: "Recovery code" }).fill(firstCodes[0]!);
    await recovery.getByRole("button", { name: "Make new codes" }).click();
    await page.getByText("New recovery codes were made. The old ones no longer work.").waitFor();
    const renewed = await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
    expect(renewed).toHaveLength(10);
    expect(renewed.filter((c) => firstCodes.includes(c))).toEqual([]);
    await expectNoSidewaysScroll(page);
    await expectAxeClean(page);
  });

  it("a patient registers a passkey with the virtual authenticator and signs in with it, no password", async () => {
    const page = await newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });

    const email = uniqueEmail("pk");
    await signUpAndConfirm(page, app.mail, "Pia Passkey", email);
    await page.goto("/account/two-step");
    const block = page.getByTestId("passkeys-block");
    await block.getByText("You have no passkeys yet.").waitFor();
    await block.getByRole("button", { name: "Add a passkey" }).click();
    await block.getByTestId("passkey-item").waitFor();
    expect(await block.getByTestId("passkey-item").textContent()).toContain("Passkey 1");
    // A first factor comes with recovery codes, shown once.
    expect(await block.getByTestId("recovery-codes").getByRole("listitem").count()).toBe(10);
    await block.getByRole("button", { name: "I saved my recovery codes" }).click();
    await expectNoSidewaysScroll(page);
    await expectAxeClean(page);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/auth\/login/);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.waitForURL(/\/dashboard$/);
    expect(await page.getByRole("heading", { name: "Welcome, Pia Passkey" }).isVisible()).toBe(true);
  });
});
