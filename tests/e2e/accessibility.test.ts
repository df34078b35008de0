import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/data";
import { expectAxeClean } from "./axe";
import { signUpAndConfirm, signUpDoctorAndConfirm } from "./flows";
import { useBrowser } from "./shared";

/**
 * Every page a person reaches, checked by axe-core against WCAG 2.1 A and AA, on a phone (360 px)
 * and a desktop window: signed out, as a patient (with and without records), as a doctor awaiting
 * approval, and a form showing its errors. The admin, records-sharing and two-step pages are checked
 * inside their own browser tests (admin.test.ts, records.test.ts, mfa.test.ts), where those states exist.
 */
const SIGNED_OUT = [
  "/",
  "/auth/sign-up",
  "/auth/doctor/sign-up",
  "/auth/login",
  "/auth/forgot-password",
  "/auth/verify-otp?email=someone%40example.test",
  "/auth/reset-password?email=someone%40example.test",
  "/auth/reset-password?token=not-a-real-token",
  "/docs/api",
  "/no-such-page",
];

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

describe("accessibility (axe, WCAG 2.1 A + AA)", () => {
  const { app, newPage, newDesktopPage } = useBrowser();
  const sizes = { phone: newPage, desktop: newDesktopPage } as const;

  async function check(page: Page, path: string) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expectAxeClean(page, `${path} (${page.viewportSize()?.width} px)`);
  }

  it.each(["phone", "desktop"] as const)("signed-out pages, and a form showing its errors (%s)", async (size) => {
    const page = await sizes[size]();
    for (const path of SIGNED_OUT) await check(page, path);
    await page.goto("/auth/sign-up");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Enter your name.").first().waitFor();
    await expectAxeClean(page, "sign-up form with errors");
  });

  it.each(["phone", "desktop"] as const)("a patient's pages, empty and with a record (%s)", async (size) => {
    const page = await sizes[size]();
    await signUpAndConfirm(page, app.mail, "Access Patient", uniqueEmail("a11y"));
    for (const path of ["/dashboard", "/account", "/records", "/account/two-step"]) await check(page, path);
    const upload = await page.request.post("/api/records", { multipart: { title: "Blood test", file: { name: "blood.pdf", mimeType: "application/pdf", buffer: PDF } } });
    expect(upload.status()).toBe(201);
    await check(page, "/records");
  });

  it.each(["phone", "desktop"] as const)("a doctor awaiting approval (%s)", async (size) => {
    const page = await sizes[size]();
    const email = uniqueEmail("a11ydoc");
    await signUpDoctorAndConfirm(page, app.mail, "Dr Access", email, { specialty: "Dermatology" });
    for (const path of ["/dashboard", "/patients"]) await check(page, path);
  });
});
