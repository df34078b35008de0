import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { codeFrom } from "../helpers/smtp";
import { confirmCode, expectNoSidewaysScroll, signIn, signUpAndConfirm, submitSignIn } from "./flows";
import { useBrowser } from "./shared";

describe("a patient in the browser (360 px wide)", () => {
  const { app, newPage } = useBrowser();
  let page: Page;
  beforeEach(async () => {
    page = await newPage();
  });

  it("signs up, confirms the emailed code, reaches the dashboard, signs out and signs in again", async () => {
    const email = uniqueEmail("pat");
    await signUpAndConfirm(page, app.mail, "Amal Haddad", email);
    await expect(page.getByRole("heading", { name: "Welcome, Amal Haddad" }).isVisible()).resolves.toBe(true);
    await expectNoSidewaysScroll(page);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/auth\/login/);
    await page.goto("/dashboard");
    await page.waitForURL(/\/auth\/login\?next=%2Fdashboard/);

    await submitSignIn(page, email);
    await page.waitForURL(/\/dashboard$/);
    expect(await page.getByRole("heading", { name: "Welcome, Amal Haddad" }).isVisible()).toBe(true);
  });

  it("completes the sign-up form by keyboard alone", async () => {
    const email = uniqueEmail("kbd");
    await page.goto("/auth/sign-up");
    await page.getByLabel("Full name").focus();
    await page.keyboard.type("Keyboard Only");
    // Tab through the form in its natural order, typing into each field as it gets focus.
    const typed: Record<string, string> = { email, password: GOOD_PASSWORD };
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      const name = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? "");
      if (name in typed) {
        await page.keyboard.type(typed[name]!);
        delete typed[name];
      }
      if (Object.keys(typed).length === 0) break;
    }
    expect(typed).toEqual({});
    await page.keyboard.press("Enter");
    await confirmCode(page, app.mail, email);
    await page.waitForURL(/\/dashboard$/);
  });

  it("shows errors next to their fields and keeps the page usable", async () => {
    await page.goto("/auth/sign-up");
    await page.getByLabel("Full name").fill("Short Password");
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    const email = page.getByLabel("Email address");
    await expect(email.getAttribute("aria-invalid")).resolves.toBe("true");
    const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
    const texts = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(texts.join(" ")).toMatch(/valid email/i);
    expect(page.url()).toContain("/auth/sign-up");
  });

  it("rejects a wrong code with a visible message, then accepts the right one", async () => {
    const email = uniqueEmail("wrong");
    await page.goto("/auth/sign-up");
    await page.getByLabel("Full name").fill("Wrong Code");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(GOOD_PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/auth\/verify-otp/);
    const right = codeFrom(await app.mail.waitFor(email));
    const wrong = right === "000000" ? "111111" : "000000";
    await page.getByLabel("6-digit code").fill(wrong);
    await page.getByRole("button", { name: "Confirm email" }).click();
    await page.getByText("The code is wrong or has expired", { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: /Resend code in \d+ s/ }).isDisabled()).toBe(true);
    await page.getByLabel("6-digit code").fill(right);
    await page.getByRole("button", { name: "Confirm email" }).click();
    await page.waitForURL(/\/dashboard$/);
  });

  it("honours a same-origin next and ignores one that leaves the site", async () => {
    const email = uniqueEmail("next");
    await signUpAndConfirm(page, app.mail, "Next Param", email);
    await page.context().clearCookies();
    await signIn(page, email, GOOD_PASSWORD, "?next=%2Faccount");
    await page.waitForURL(/\/account$/);

    await page.context().clearCookies();
    await signIn(page, email, GOOD_PASSWORD, "?next=%2F%2Fevil.example%2Fx");
    await page.waitForURL(/\/dashboard$/);
    expect(new URL(page.url()).host).toBe(new URL(app.url).host);
  });

  it("lists the signed-in devices on the devices page and signs one out", async () => {
    const email = uniqueEmail("dev");
    await signUpAndConfirm(page, app.mail, "Two Devices", email);
    const other = await newPage();
    await signIn(other, email);
    await other.waitForURL(/\/dashboard$/);

    await page.goto("/account/devices");
    // The per-device buttons are named "Sign out <device>"; the nav's is just "Sign out".
    const signOutOther = page.getByRole("button", { name: /^Sign out (?!everywhere)/ });
    await signOutOther.first().waitFor();
    await signOutOther.first().click();
    await page.getByText("That device was signed out.").waitFor();

    await other.goto("/dashboard");
    await other.waitForURL(/\/auth\/login/);
    await expectNoSidewaysScroll(page);
  });

  it("fits every auth page on a 360 px screen", async () => {
    for (const path of ["/auth/sign-up", "/auth/doctor/sign-up", "/auth/login", "/auth/verify-otp?email=a%40b.test", "/auth/forgot-password", "/auth/reset-password?email=a%40b.test"]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
  });
});
