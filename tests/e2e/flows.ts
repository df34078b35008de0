import { expect } from "vitest";
import type { Page } from "playwright-core";
import { codeFrom, linkFrom, type SmtpCapture } from "../helpers/smtp";

/** Steps a person takes in the browser, shared by the flow tests. Labels come from lib/i18n/en.ts. */

export const PASSWORD = "Quiet-Harbour-Lantern-42";
export const uniqueEmail = (tag: string) => `${tag}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;

export async function fillSignup(page: Page, p: { name: string; email: string; password?: string }) {
  await page.getByLabel("Full name").fill(p.name);
  await page.getByLabel("Email address").fill(p.email);
  await page.getByLabel("Password", { exact: true }).fill(p.password ?? PASSWORD);
}

/** Reads the newest code sent to `email` and confirms it on the verify page. */
export async function confirmCode(page: Page, mail: SmtpCapture, email: string, n = 1) {
  await page.waitForURL(/\/auth\/verify-otp/);
  const code = codeFrom(await mail.waitFor(email, n));
  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Confirm email" }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/auth/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signUpAndConfirm(page: Page, mail: SmtpCapture, name: string, email: string) {
  await page.goto("/auth/sign-up");
  await fillSignup(page, { name, email });
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmCode(page, mail, email);
  await page.waitForURL(/\/dashboard$/);
}

export const resetLink = linkFrom;

export async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
  expect(wide, `${page.url()} scrolls sideways at 360 px`).toBe(false);
}
