import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/data";
import { expectAxeClean } from "./axe";
import { signUpAndConfirm, signUpDoctorAndConfirm } from "./flows";
import { useBrowser } from "./shared";

/**
 * States of pages that only this file reaches, checked by axe-core against WCAG 2.1 A and AA on a
 * phone (360 px) and a desktop window: a form showing its errors, a new patient's empty home and
 * records, and a doctor awaiting approval. Every page in its usual state is checked in English and
 * Arabic at both widths by the sweeps: the signed-out pages in languages-public.test.ts, the account
 * area in account-area.test.ts, the homes and admin pages in home-admin.test.ts, records and patients
 * in records-languages.test.ts (the two-step pages also in mfa.test.ts).
 */
describe("accessibility (axe, WCAG 2.1 A + AA)", () => {
  const { app, newPage, newDesktopPage } = useBrowser();
  const sizes = { phone: newPage, desktop: newDesktopPage } as const;

  async function check(page: Page, path: string) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expectAxeClean(page, `${path} (${page.viewportSize()?.width} px)`);
  }

  it.each(["phone", "desktop"] as const)("a form showing its errors, then a new patient's empty pages (%s)", async (size) => {
    const page = await sizes[size]();
    await page.goto("/auth/sign-up");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Enter your name.").first().waitFor();
    await expectAxeClean(page, "sign-up form with errors");
    await signUpAndConfirm(page, app.mail, "Access Patient", uniqueEmail("a11y"));
    await check(page, "/dashboard");
    await page.getByTestId("nudge-records").waitFor();
    await check(page, "/records");
    await page.getByTestId("records-empty").waitFor();
    expect(await page.getByTestId("records-empty").textContent()).toBe("You have no records yet. Upload your first one above.");
  });

  it.each(["phone", "desktop"] as const)("a doctor awaiting approval (%s)", async (size) => {
    const page = await sizes[size]();
    const email = uniqueEmail("a11ydoc");
    await signUpDoctorAndConfirm(page, app.mail, "Dr Access", email, { specialty: "Dermatology" });
    for (const path of ["/dashboard", "/patients"]) await check(page, path);
  });
});
