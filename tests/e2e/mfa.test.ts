import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/data";
import { useAdminServer } from "./admin-server";
import { expectAxeClean } from "./axe";
import { expectNoSidewaysScroll, signIn, signUpAndConfirm } from "./flows";

/**
 * Two-step sign-in in the browser (docs/MFA.md). A server of its own (admin-server.ts): it is reached
 * as localhost (WebAuthn refuses IP addresses as the relying party) and its database starts with a
 * superadmin made by the real command-line tool before the server opens it.
 */
describe("two-step sign-in in the browser (360 px wide)", () => {
  const server = useAdminServer("mfa", { root: { name: "Ada Admin" }, hostname: "localhost" });
  const { root } = server;
  const newPage = () => server.newPage();

  it("an admin sets up TOTP by reading the key from the page, signs out, and signs in with the password and a code", async () => {
    const page = await newPage();
    await signIn(page, root.email, root.password);
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
    await signIn(page, root.email, root.password);
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
    await recovery.getByLabel("Current password").fill(root.password);
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
    await signUpAndConfirm(page, server.app.mail, "Pia Passkey", email);
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
