import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { pdfBytes, PNG_1PX } from "../helpers/files";
import { codeFrom } from "../helpers/smtp";
import { approvedDoctorByApi, postJson, useAdminServer } from "./admin-server";
import { expectAxeClean } from "./axe";
import { expectNoSidewaysScroll } from "./flows";
import { progressSeen, throttleUpload, watchProgress } from "./upload-progress";
import { SCREENSHOTS } from "./browser";

/**
 * /records and /patients in English and Arabic, on a phone and a desktop window (docs/I18N.md):
 * a patient with records, a share and an access-log entry, and the approved doctor they share
 * with. Each page: the language's direction, its words, axe clean, no sideways scroll, a
 * screenshot in test-results/screenshots/. In Arabic the patient also finds a record by its Arabic
 * title and uploads one, with the bar filling from the right and the success message in Arabic.
 */

const DOCTOR = "سميرة حداد";
const PATIENT = "نادية كريم";
const SIZES = { phone: 360, desktop: 1280 } as const;
type Locale = "en" | "ar";

/** The words each page must show in each language (the page title and a record's category). */
const WORDS = {
  en: { records: "Health records", lab: "Lab result", patients: "Your patients", show: `Show records of ${PATIENT}` },
  ar: { records: "السجلات الصحية", lab: "نتيجة تحليل", patients: "مرضاك", show: `عرض السجلات الصحية للمريض ${PATIENT}` },
};

/** Signs up and confirms an account through the API; returns its id and a bearer token. */
async function patientByApi(url: string, mail: { waitFor: (email: string, n?: number) => Promise<{ text: string }> }, email: string) {
  expect((await postJson(`${url}/api/auth/signup`, { name: PATIENT, email, password: GOOD_PASSWORD })).status).toBe(201);
  const verify = await postJson(`${url}/api/auth/verify-otp`, { email, code: codeFrom(await mail.waitFor(email)) });
  expect(verify.status).toBe(200);
  return { id: verify.body.user.id as string, token: await tokenOf(url, email) };
}

async function tokenOf(url: string, email: string): Promise<string> {
  const login = await postJson(`${url}/api/auth/login`, { email, password: GOOD_PASSWORD });
  expect(login.status).toBe(200);
  return login.body.token;
}

async function uploadByApi(url: string, token: string, title: string, category: string, file: { name: string; type: string; bytes: Buffer }) {
  const form = new FormData();
  form.append("title", title);
  form.append("category", category);
  form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const res = await fetch(`${url}/api/records`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { record: { id: string } }).record.id;
}

describe("records and patients pages in English and Arabic", () => {
  // A server of its own: the doctor must be approved by an administrator (admin-server.ts).
  const server = useAdminServer("records-languages");
  const patientEmail = uniqueEmail("lang-pat");
  const doctorEmail = uniqueEmail("lang-doc");

  beforeAll(async () => {
    const { url, mail } = server.app;
    const doctorId = (await approvedDoctorByApi(server, { name: DOCTOR, email: doctorEmail, specialty: "أمراض القلب" })).id;
    const patient = await patientByApi(url, mail, patientEmail);
    const blood = await uploadByApi(url, patient.token, "تحليل دم شامل", "lab", { name: "blood-test.pdf", type: "application/pdf", bytes: pdfBytes() });
    await uploadByApi(url, patient.token, "أشعة الصدر", "imaging", { name: "chest.png", type: "image/png", bytes: PNG_1PX });
    const until = new Date(Date.now() + 10 * 86_400_000).toISOString();
    expect((await postJson(`${url}/api/grants`, { doctorId, expiresAt: until }, patient.token)).status).toBe(201);
    // The doctor opens the blood test: one line in the patient's access log.
    const doctorToken = await tokenOf(url, doctorEmail);
    const file = await fetch(`${url}/api/records/${blood}/file`, { headers: { authorization: `Bearer ${doctorToken}` } });
    expect(file.status).toBe(200);
  });

  /** A signed-in page of the given size, in the given language (the switch, as a person would). */
  async function signedIn(email: string, size: keyof typeof SIZES, locale: Locale, path: string): Promise<Page> {
    const page = size === "phone" ? await server.newPage() : await server.newDesktopPage();
    const login = await page.request.post("/api/auth/login", { data: { email, password: GOOD_PASSWORD } });
    expect(login.status()).toBe(200);
    await page.goto(path);
    if ((await page.locator("html").getAttribute("lang")) !== locale) {
      await page.getByRole("button", { name: locale === "ar" ? "العربية" : "English" }).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    }
    expect(await page.locator("html").getAttribute("dir")).toBe(locale === "ar" ? "rtl" : "ltr");
    return page;
  }

  async function checkPage(page: Page, name: string) {
    await expectNoSidewaysScroll(page);
    await expectAxeClean(page, name);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  it.each(["en", "ar"] as const)("shows /records with a record, a share and the access log (%s)", async (locale) => {
    const w = WORDS[locale];
    for (const size of ["phone", "desktop"] as const) {
      const page = await signedIn(patientEmail, size, locale, "/records");
      await page.getByRole("heading", { level: 1, name: w.records }).waitFor();
      const blood = page.getByTestId("record").filter({ hasText: "تحليل دم شامل" });
      expect(await blood.getByTestId("record-category").textContent()).toBe(w.lab);
      await page.getByTestId("grant").filter({ hasText: DOCTOR }).getByTestId("grant-days-left").waitFor();
      await page.getByTestId("access-event").filter({ hasText: DOCTOR }).filter({ hasText: "تحليل دم شامل" }).waitFor();
      await checkPage(page, `records-${locale}-${SIZES[size]}`);
      if (locale === "ar" && size === "phone") await findAndUploadInArabic(page);
    }
  });

  /** Searching an Arabic title from the Arabic page, then an upload with its progress in Arabic. */
  async function findAndUploadInArabic(page: Page) {
    await page.getByRole("searchbox", { name: "ابحث في السجلات الصحية" }).fill("تحليل");
    await page.getByRole("button", { name: "اعرض النتائج" }).click();
    await expect.poll(() => page.getByTestId("record-title").allTextContents()).toEqual(["تحليل دم شامل"]);
    expect(await page.getByTestId("records-count").textContent()).toBe("وجدنا سجلًا صحيًا واحدًا.");
    await page.getByRole("button", { name: "امسح عوامل التصفية" }).click();
    await expect.poll(() => page.getByTestId("record").count()).toBe(2);

    await throttleUpload(page, 2 * 1024 * 1024);
    await watchProgress(page);
    await page.getByLabel("الملف", { exact: true }).setInputFiles({ name: "knee-scan.pdf", mimeType: "application/pdf", buffer: pdfBytes(5 * 1024 * 1024) });
    await page.getByText("knee-scan.pdf", { exact: true }).waitFor(); // the chosen file, its name kept left to right
    await page.locator("#record-title").fill("صورة الركبة");
    await page.getByRole("button", { name: "ارفع", exact: true }).click();
    await page.getByTestId("upload-progress").waitFor();
    expect(await page.getByTestId("upload-status").textContent()).toMatch(/^جارٍ الرفع: \d+٪$/);
    await page.getByTestId("upload-status").getByText("تم رفع «صورة الركبة».").waitFor({ timeout: 60_000 });
    await throttleUpload(page, null);
    const seen = await progressSeen(page);
    expect(seen.values.some((v) => v > 0 && v < 100), `progress values: ${seen.values.join(", ")}`).toBe(true);
    expect(seen.sides.length).toBeGreaterThan(0);
    expect(new Set(seen.sides)).toEqual(new Set(["right"]));
    await expect.poll(() => page.getByTestId("record").count()).toBe(3);
    await checkPage(page, "records-ar-360-after-upload");
  }

  it.each(["en", "ar"] as const)("shows /patients to the approved doctor with the patient's records (%s)", async (locale) => {
    const w = WORDS[locale];
    for (const size of ["phone", "desktop"] as const) {
      const page = await signedIn(doctorEmail, size, locale, "/patients");
      await page.getByRole("heading", { level: 1, name: w.patients }).waitFor();
      const card = page.getByTestId("patient").filter({ hasText: PATIENT });
      await card.getByTestId("patient-days-left").waitFor();
      await card.getByRole("button", { name: w.show }).click();
      expect(await card.getByTestId("record").filter({ hasText: "تحليل دم شامل" }).getByTestId("record-category").textContent()).toBe(w.lab);
      await checkPage(page, `patients-${locale}-${SIZES[size]}`);
    }
  });
});
