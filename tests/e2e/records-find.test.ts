import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/data";
import { expectAxeClean } from "./axe";
import { expectNoSidewaysScroll, signUpAndConfirm } from "./flows";
import { useBrowser } from "./shared";

/**
 * Finding records at 360 px (docs/RECORDS.md "Finding records", "Thumbnails"): a patient uploads a
 * scan with a category and a document date, finds it by typing its title without accents, sees its
 * preview, and renames it in place.
 */

const scan = () => sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 20, g: 90, b: 160 } } }).png().toBuffer();

async function uploadRecord(page: Page, file: { name: string; buffer: Buffer; mimeType: string }, title: string, category?: string, date?: string) {
  await page.getByLabel("File", { exact: true }).setInputFiles(file);
  await page.locator("#record-title").fill(title);
  if (category) await page.locator("#record-category").selectOption({ label: category });
  if (date) await page.locator("#record-date").fill(date);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.getByTestId("upload-status").getByText(`Uploaded “${title}”.`).waitFor({ timeout: 30_000 });
}

const shownTitles = (page: Page) => page.getByTestId("record-title").allTextContents();

describe("finding records in the browser (360 px wide)", () => {
  const { app, newPage } = useBrowser();

  it("uploads with a category and date, finds the record by search, shows its preview and renames it", async () => {
    const page = await newPage();
    await signUpAndConfirm(page, app.mail, "Leïla Benali", uniqueEmail("find"));
    await page.goto("/records");
    await page.getByTestId("records-empty").waitFor();

    await uploadRecord(page, { name: "echo.png", mimeType: "image/png", buffer: await scan() }, "Échographie rénale", "Imaging", "2024-05-06");
    await uploadRecord(page, { name: "rx.png", mimeType: "image/png", buffer: await scan() }, "Prescription Dr Karim", "Prescription", "2025-01-15");

    // Newest document first, grouped by year.
    await expect.poll(() => shownTitles(page)).toEqual(["Prescription Dr Karim", "Échographie rénale"]);
    expect(await page.getByTestId("records-year").allTextContents()).toEqual(["2025", "2024"]);
    const echo = page.getByTestId("record").filter({ hasText: "Échographie rénale" });
    expect(await echo.getByTestId("record-category").textContent()).toBe("Imaging");
    expect(await echo.locator("time").first().getAttribute("datetime")).toBe("2024-05-06");

    // Search without the accent and in capitals.
    await page.getByRole("searchbox", { name: "Search records" }).fill("ECHOGRAPHIE");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await expect.poll(() => shownTitles(page)).toEqual(["Échographie rénale"]);
    await page.getByText("1 record found.").waitFor();

    // Its preview: a real image from /api/records/{id}/thumbnail, at most 320 px wide.
    const thumb = echo.getByTestId("record-thumbnail");
    await expect
      .poll(async () => (await thumb.count()) > 0 && thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 })
      .toBe(320);
    expect(await thumb.getAttribute("alt")).toBe("Preview of Échographie rénale");

    // The category filter narrows the list too; clearing brings both back.
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByLabel("Category", { exact: true }).first().waitFor();
    await page.locator("#records-filter-category").selectOption({ label: "Prescription" });
    await expect.poll(() => shownTitles(page)).toEqual(["Prescription Dr Karim"]);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => shownTitles(page)).toHaveLength(2);

    await expectNoSidewaysScroll(page);
    await expectAxeClean(page, "/records with filters, previews and years");

    // Rename in place, by keyboard: the form opens with focus on the title.
    await echo.getByRole("button", { name: "Edit details of Échographie rénale" }).click();
    const titleField = page.getByRole("textbox", { name: "Title" }).last();
    await expect.poll(() => titleField.evaluate((el) => el === document.activeElement)).toBe(true);
    await titleField.fill("Renal ultrasound");
    await expectAxeClean(page, "/records with the edit form open");
    await page.keyboard.press("Enter");
    await page.getByText("Saved “Renal ultrasound”.").waitFor();
    await expect.poll(() => shownTitles(page)).toEqual(["Prescription Dr Karim", "Renal ultrasound"]);

    // The new title is what the server keeps and searches.
    await page.reload();
    await page.getByRole("searchbox", { name: "Search records" }).fill("renal");
    await page.keyboard.press("Enter");
    await expect.poll(() => shownTitles(page)).toEqual(["Renal ultrasound"]);
  });
});
