import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/data";
import { confirmCode, expectNoSidewaysScroll, fillSignup } from "./flows";
import { useBrowser } from "./shared";

describe("a doctor in the browser", () => {
  const { app, newPage } = useBrowser();

  it("signs up with specialty and licence and lands on an 'awaiting approval' dashboard", async () => {
    const page = await newPage();
    const email = uniqueEmail("doc");
    await page.goto("/auth/doctor/sign-up");
    await fillSignup(page, { name: "Dr Layla Nasser", email });
    await page.getByLabel("Specialty").fill("Cardiology");
    await page.getByLabel("Licence number").fill(" gmc 778 812 ");
    await page.getByRole("button", { name: "Create doctor account" }).click();
    await confirmCode(page, app.mail, email);
    await page.waitForURL(/\/dashboard$/);
    await page.getByText("Your doctor account is awaiting approval").waitFor();
    await expectNoSidewaysScroll(page);

    await page.goto("/account/profile");
    // react-hook-form fills its fields when the page hydrates: wait for it rather than race it.
    await expect.poll(() => page.getByLabel("Specialty").inputValue(), { timeout: 10_000 }).toBe("Cardiology");
    await page.getByText("GMC778812").waitFor();
  });
});
