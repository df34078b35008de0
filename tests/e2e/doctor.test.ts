import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/data";
import { expectNoSidewaysScroll, signUpDoctorAndConfirm } from "./flows";
import { useBrowser } from "./shared";

describe("a doctor in the browser", () => {
  const { app, newPage } = useBrowser();

  it("signs up with specialty and licence and lands on an 'awaiting approval' dashboard", async () => {
    const page = await newPage();
    const email = uniqueEmail("doc");
    // Lands on the home that says the account awaits approval (the helper waits for those words).
    await signUpDoctorAndConfirm(page, app.mail, "Dr Layla Nasser", email, { specialty: "Cardiology", licenceNumber: " gmc 778 812 " });
    await expectNoSidewaysScroll(page);

    await page.goto("/account/profile");
    // react-hook-form fills its fields when the page hydrates: wait for it rather than race it.
    await expect.poll(() => page.getByLabel("Specialty").inputValue(), { timeout: 10_000 }).toBe("Cardiology");
    await page.getByText("GMC778812").waitFor();
  });
});
