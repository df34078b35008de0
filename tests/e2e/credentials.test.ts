import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { GOOD_PASSWORD, NEW_PASSWORD, uniqueEmail } from "../helpers/data";
import { codeFrom, linkFrom } from "../helpers/smtp";
import { signIn, signUpAndConfirm } from "./flows";
import { useBrowser } from "./shared";

describe("passwords and email in the browser", () => {
  const { app, newPage } = useBrowser();
  let page: Page;
  beforeEach(async () => {
    page = await newPage();
  });

  async function requestReset(email: string) {
    await page.goto("/auth/forgot-password");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send code and link" }).click();
    await page.getByText(`If an account exists for ${email}`).waitFor();
  }

  async function expectSignInWorks(email: string, password: string) {
    const fresh = await newPage();
    await signIn(fresh, email, password);
    await fresh.waitForURL(/\/dashboard$/);
  }

  it("resets a forgotten password with the emailed code, then signs in with it", async () => {
    const email = uniqueEmail("forgot");
    await signUpAndConfirm(page, app.mail, "Forgot Code", email);
    await requestReset(email);
    const code = codeFrom(await app.mail.waitFor(email, 2));
    await page.getByRole("link", { name: "Enter the code" }).click();
    await page.waitForURL(/\/auth\/reset-password\?email=/);
    await page.getByLabel("6-digit code").fill(code);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Password changed. Sign in with your new password.").waitFor();
    await expectSignInWorks(email, NEW_PASSWORD);
    // The signed-in session from before the reset is gone.
    await page.goto("/dashboard");
    await page.waitForURL(/\/auth\/login/);
  });

  it("resets through the emailed link, which leaves the address bar at once", async () => {
    const email = uniqueEmail("link");
    await signUpAndConfirm(page, app.mail, "Forgot Link", email);
    await requestReset(email);
    const link = linkFrom(await app.mail.waitFor(email, 2));
    expect(new URL(link).origin).toBe(app.url);
    await page.goto(link);
    await page.waitForURL((u) => !u.search.includes("token="));
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Password changed. Sign in with your new password.").waitFor();
    await expectSignInWorks(email, NEW_PASSWORD);
  });

  it("changes the password on the account page and signs the other device out", async () => {
    const email = uniqueEmail("chg");
    await signUpAndConfirm(page, app.mail, "Change Password", email);
    const other = await newPage();
    await signIn(other, email);
    await other.waitForURL(/\/dashboard$/);

    await page.goto("/account/security");
    const section = page.getByTestId("section-password");
    await section.getByLabel("Current password", { exact: true }).fill(GOOD_PASSWORD);
    await section.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await section.getByLabel("Confirm new password", { exact: true }).fill(NEW_PASSWORD);
    await section.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your password was changed. Other devices were signed out.").waitFor();

    await other.goto("/dashboard");
    await other.waitForURL(/\/auth\/login/);
    await page.goto("/dashboard"); // this device stays signed in
    await page.waitForURL(/\/dashboard$/);
    await expectSignInWorks(email, NEW_PASSWORD);
  });

  it("changes the email end to end: code to the new address, notice to the old", async () => {
    const email = uniqueEmail("old");
    const newEmail = uniqueEmail("new");
    await signUpAndConfirm(page, app.mail, "Change Email", email);
    await page.goto("/account/security");
    const section = page.getByTestId("section-email");
    await section.getByLabel("New email address").fill(newEmail);
    await section.getByLabel("Current password", { exact: true }).fill(GOOD_PASSWORD);
    await section.getByRole("button", { name: "Send code" }).click();
    const code = codeFrom(await app.mail.waitFor(newEmail, 1));
    await section.getByLabel("6-digit code").fill(code);
    await section.getByRole("button", { name: "Confirm new email" }).click();
    await page.getByText(`Your email is now ${newEmail}.`).waitFor();
    const notice = await app.mail.waitFor(email, 2);
    expect(notice.subject).toMatch(/email was changed/i);
    await expectSignInWorks(newEmail, GOOD_PASSWORD);
  });
});
