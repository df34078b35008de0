import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { unzip } from "../helpers/account-data";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { PNG_1PX } from "../helpers/files";
import { expectAxeClean } from "./axe";
import { emailWithSubject, expectNoSidewaysScroll, signIn, signUpAndConfirm, submitSignIn } from "./flows";
import { useBrowser } from "./shared";

/**
 * Your data in the browser at 360 px (docs/PRIVACY.md): a patient downloads the export from
 * /account/data, schedules the deletion, signs in again, sees the date on every page and keeps the account.
 */
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function uploadByApi(url: string, email: string) {
  const login = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: GOOD_PASSWORD }) });
  const { token } = (await login.json()) as { token: string };
  const form = new FormData();
  form.append("file", new Blob([PNG_1PX], { type: "image/png" }), "rash photo.png");
  const res = await fetch(`${url}/api/records`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  expect(res.status).toBe(201);
}

describe("/account/data", () => {
  const { app, newPage } = useBrowser();

  it("sends a signed-out visitor through sign-in and back", async () => {
    const page = await newPage();
    const email = uniqueEmail("data-redirect");
    await signUpAndConfirm(page, app.mail, "Redirected Person", email);
    await page.context().clearCookies();
    await page.goto("/account/data");
    await page.waitForURL(/\/auth\/login\?next=%2Faccount%2Fdata$/);
    await submitSignIn(page, email);
    await page.waitForURL(/\/account\/data$/);
    await expect.poll(() => page.getByRole("heading", { name: "Your data", level: 1 }).isVisible()).toBe(true);
  });

  it("downloads the export, schedules the deletion, and keeps the account after signing in again", async () => {
    const page = await newPage();
    const email = uniqueEmail("data");
    await signUpAndConfirm(page, app.mail, "Nadia Export", email);
    await uploadByApi(app.url, email);

    await page.goto("/account");
    await page.getByRole("link", { name: /^Your data/ }).click();
    await page.waitForURL(/\/account\/data$/);
    await expectAxeClean(page);
    await expectNoSidewaysScroll(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download my data" }).click()]);
    expect(download.suggestedFilename()).toBe(`caregate-export-${new Date().toISOString().slice(0, 10)}.zip`);
    const stream = await download.createReadStream();
    const parts: Buffer[] = [];
    for await (const c of stream) parts.push(c as Buffer);
    const entries = await unzip(Buffer.concat(parts));
    const records = JSON.parse(entries.get("records.json")!.data.toString("utf8")) as { sha256: string; path: string }[];
    expect(records).toHaveLength(1);
    expect(sha256(entries.get(records[0]!.path)!.data)).toBe(sha256(PNG_1PX));
    await expect.poll(() => page.getByText("Your download has started.").isVisible()).toBe(true);
    // By subject, not by count: a new-device sign-in alert may come in between.
    await emailWithSubject(app.mail, email, "A copy of your CareGate data was downloaded");

    // Deleting asks for the typed word first.
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect.poll(() => page.getByText("Type DELETE in capital letters to confirm.").isVisible()).toBe(true);
    await page.getByLabel("Type DELETE to confirm").fill("DELETE");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect.poll(() => page.getByText(/Your account will be deleted on .+\. You were signed out of every device\./).isVisible()).toBe(true);
    await emailWithSubject(app.mail, email, "Your CareGate account will be deleted");

    // Signed out everywhere: a protected page sends to sign-in; signing in again works and shows the date.
    await page.goto("/dashboard");
    await page.waitForURL(/\/auth\/login/);
    await signIn(page, email);
    await page.waitForURL(/\/dashboard$/);
    const banner = page.getByTestId("deletion-banner");
    await expect.poll(() => banner.textContent()).toMatch(/Your account will be deleted on \d{1,2} \w+ \d{4}\./);
    await expectAxeClean(page);
    await page.goto("/records");
    await expect.poll(() => banner.isVisible()).toBe(true);
    // /account/data does not offer to delete again: it points at the banner.
    await page.goto("/account/data");
    await expect.poll(() => page.getByText(/To keep it, choose "Keep my account" at the top of the page\./).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Delete my account" }).count()).toBe(0);

    await banner.getByRole("button", { name: "Keep my account" }).click();
    await expect.poll(() => banner.textContent()).toBe("Your account will not be deleted.");
    await emailWithSubject(app.mail, email, "Your CareGate account will not be deleted");
    await page.reload();
    expect(await page.getByTestId("deletion-banner").count()).toBe(0);
    await expect.poll(() => page.getByRole("button", { name: "Delete my account" }).isVisible()).toBe(true);
  });
});
