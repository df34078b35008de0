import type { Page } from "playwright-core";
import { expect } from "vitest";
import { GOOD_PASSWORD, uniqueLicense } from "../helpers/data";
import { codeFrom, type Mailbox } from "../helpers/smtp";

/** Steps a person takes in the browser, shared by the flow tests. Labels come from lib/i18n/en.ts. */

export async function fillSignup(page: Page, p: { name: string; email: string; password?: string }) {
  await page.getByLabel("Full name").fill(p.name);
  await page.getByLabel("Email address").fill(p.email);
  await page.getByLabel("Password", { exact: true }).fill(p.password ?? GOOD_PASSWORD);
}

/** Reads the n-th email sent to `email` and confirms its code on the verify page. */
export async function confirmCode(page: Page, mail: Mailbox, email: string, n = 1) {
  await page.waitForURL(/\/auth\/verify-otp/);
  const code = codeFrom(await mail.waitFor(email, n));
  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Confirm email" }).click();
}

/** Fills and submits the sign-in form on the page already open (e.g. after a redirect with `next`). */
export async function submitSignIn(page: Page, email: string, password = GOOD_PASSWORD) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Opens the sign-in page (optionally with a query, e.g. "?next=%2Faccount") and signs in. */
export async function signIn(page: Page, email: string, password = GOOD_PASSWORD, query = "") {
  await page.goto(`/auth/login${query}`);
  await submitSignIn(page, email, password);
}

export async function signUpAndConfirm(page: Page, mail: Mailbox, name: string, email: string) {
  await page.goto("/auth/sign-up");
  await fillSignup(page, { name, email });
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmCode(page, mail, email);
  await page.waitForURL(/\/dashboard$/);
}

/**
 * Signs up as a doctor on the page, confirms the code and lands on the home that says the account
 * awaits an administrator's approval.
 */
export async function signUpDoctorAndConfirm(page: Page, mail: Mailbox, name: string, email: string, p: { specialty?: string; licenceNumber?: string } = {}) {
  await page.goto("/auth/doctor/sign-up");
  await fillSignup(page, { name, email });
  await page.getByLabel("Specialty").fill(p.specialty ?? "Neurology");
  await page.getByLabel("Licence number").fill(p.licenceNumber ?? uniqueLicense());
  await page.getByRole("button", { name: "Create doctor account" }).click();
  await confirmCode(page, mail, email);
  await page.waitForURL(/\/dashboard$/);
  await page.getByText("Your doctor account is awaiting approval").waitFor();
}

export async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
  expect(wide, `${page.url()} scrolls sideways at 360 px`).toBe(false);
}

/** The first email to `to` with this subject, whatever else arrived before it (an alert, a notice). */
export async function emailWithSubject(mail: Mailbox, to: string, subject: string) {
  for (let n = 1; n <= 20; n++) {
    const m = await mail.waitFor(to, n, 15_000);
    if (m.subject === subject) return m;
  }
  throw new Error(`no email "${subject}" to ${to} among the first 20`);
}
