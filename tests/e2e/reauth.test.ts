import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { type App, startApp } from "./app";
import { expectAxeClean } from "./axe";
import { phonePage } from "./browser";
import { expectNoSidewaysScroll, signUpAndConfirm } from "./flows";

/**
 * The recent proof in the browser (docs/MFA.md "Recent proof"): a server of its own whose proofs go
 * stale after two seconds, reached as localhost (WebAuthn refuses IP addresses as the relying party).
 */
let app: App;
let browser: Browser;
const opened: Page[] = [];

beforeAll(async () => {
  app = await startApp({ REAUTH_MAX_AGE_SECONDS: "2" }, { hostname: "localhost" });
  browser = await chromium.connect(inject("e2e").browserWsEndpoint);
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.context().close()));
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("a stale session at 360 px", () => {
  it("is asked for the password in place when adding a passkey, and ends with the passkey listed", async () => {
    const page = await phonePage(browser, app.url);
    opened.push(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });

    await signUpAndConfirm(page, app.mail, "Rana Reauth", uniqueEmail("reauth"));
    await page.goto("/account/two-step");
    const block = page.getByTestId("passkeys-block");
    await block.getByText("You have no passkeys yet.").waitFor();
    await page.waitForTimeout(2500); // the sign-in's proof is now older than REAUTH_MAX_AGE_SECONDS

    await block.getByRole("button", { name: "Add a passkey" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
    await dialog.waitFor();
    await expectAxeClean(page);
    await dialog.getByLabel("Current password").fill("Not-My-Password-9");
    await dialog.getByRole("button", { name: "Confirm and continue" }).click();
    await dialog.getByText("The current password is incorrect.").waitFor();
    await dialog.getByLabel("Current password").fill(GOOD_PASSWORD);
    await dialog.getByRole("button", { name: "Confirm and continue" }).click();

    await block.getByTestId("passkey-item").waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect(await block.getByTestId("passkey-item").textContent()).toContain("Passkey 1");
    expect(await block.getByTestId("recovery-codes").getByRole("listitem").count()).toBe(10);
    await expectNoSidewaysScroll(page);
  });
});
