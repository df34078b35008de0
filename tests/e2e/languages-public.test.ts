import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { codeFrom } from "../helpers/smtp";
import { expectAxeClean } from "./axe";
import { expectNoSidewaysScroll } from "./flows";
import { expectNoLatinRuns, standInPhrases } from "./latin-scan";
import { useBrowser } from "./shared";
import { SCREENSHOTS } from "./browser";

/**
 * The signed-out pages in English and Arabic, on a phone and a desktop (docs/I18N.md): the page's
 * direction and language, WCAG 2.1 A + AA, no sideways scroll, no English left on an Arabic page,
 * and a screenshot of each for people to look at (test-results/screenshots/, not committed). Then the
 * language switch itself, and an Arabic sign-up typed with Arabic-Indic digits.
 */
const PAGES = [
  { slug: "home", path: "/" },
  { slug: "sign-up", path: "/auth/sign-up" },
  { slug: "doctor-sign-up", path: "/auth/doctor/sign-up" },
  { slug: "login", path: "/auth/login" },
  { slug: "verify-otp", path: "/auth/verify-otp?email=someone%40example.test" },
  { slug: "forgot-password", path: "/auth/forgot-password" },
  { slug: "reset-password", path: "/auth/reset-password?email=someone%40example.test" },
  // A reset link whose token is wrong: the page that says so.
  { slug: "reset-link", path: "/auth/reset-password?token=not-a-real-token" },
  // The API reference's own words are Arabic; the OpenAPI document it shows stays English (lang="en").
  { slug: "api-docs", path: "/docs/api", allowed: ["Postman", "Bearer"] },
  { slug: "not-found", path: "/no-such-page" },
];

const ARABIC_LETTER = /[\u0600-\u06FF]/;

/** Arabic-Indic digits for an ASCII string of digits (what an Arabic keyboard types). */
const arabicIndic = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));

async function htmlLangDir(page: Page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

describe("public pages in English and Arabic", () => {
  const { app, newPage, newDesktopPage } = useBrowser();
  const sizes = { phone: newPage, desktop: newDesktopPage } as const;

  async function inLanguage(size: keyof typeof sizes, locale: "en" | "ar") {
    const page = await sizes[size]();
    await page.context().addCookies([{ name: "locale", value: locale, url: app.url }]);
    return page;
  }

  it.each([
    ["en", "phone"],
    ["en", "desktop"],
    ["ar", "phone"],
    ["ar", "desktop"],
  ] as const)("every page in %s on a %s: direction, axe, no sideways scroll, no stray English, screenshot", async (locale, size) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const page = await inLanguage(size, locale);
    const width = page.viewportSize()!.width;
    for (const { slug, path, allowed } of PAGES) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(slug === "not-found" ? 404 : 200);
      await page.waitForLoadState("networkidle");
      expect(await htmlLangDir(page), path).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });
      const title = await page.title();
      expect(ARABIC_LETTER.test(title), `title of ${path}: ${title}`).toBe(locale === "ar" && slug !== "home");
      await expectAxeClean(page, `${path} (${locale}, ${width} px)`);
      await expectNoSidewaysScroll(page);
      // Shared components show a few words from catalogues other features translate (the passkey
      // button, error descriptions); they are tolerated only while those are English stand-ins.
      if (locale === "ar") await expectNoLatinRuns(page, { allowed, tolerate: standInPhrases(), where: path });
      // The reference is tens of screens long: its first screen says enough.
      await page.screenshot({ path: join(SCREENSHOTS, `public-${slug}-${locale}-${width}.png`), fullPage: slug !== "api-docs" });
    }
  });

  it("switches to Arabic on the sign-in page, keeps it on reload (cookie), and switches back", async () => {
    const page = await newDesktopPage();
    await page.goto("/auth/login");
    expect(await htmlLangDir(page)).toEqual({ lang: "en", dir: "ltr" });
    const switcher = page.getByRole("group", { name: "Language" });
    await switcher.getByRole("button", { name: "العربية" }).click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    expect(await htmlLangDir(page)).toEqual({ lang: "ar", dir: "rtl" });
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("تسجيل الدخول");
    await page.waitForFunction(() => document.title.startsWith("تسجيل الدخول"));
    // The pressed state follows, and keyboard focus stays on the button that was pressed.
    const arabic = page.getByRole("group", { name: "اللغة" }).getByRole("button", { name: "العربية" });
    await expect(arabic.getAttribute("aria-pressed")).resolves.toBe("true");
    expect(await arabic.evaluate((el) => el === document.activeElement)).toBe(true);

    // Mirrored: the show-password button sits at the input's end, which is its left in Arabic.
    const input = (await page.getByLabel("كلمة المرور", { exact: true }).boundingBox())!;
    const toggle = (await page.getByRole("button", { name: "إظهار كلمة المرور" }).boundingBox())!;
    expect(toggle.x + toggle.width / 2).toBeLessThan(input.x + input.width / 2);

    await page.reload();
    expect(await htmlLangDir(page)).toEqual({ lang: "ar", dir: "rtl" });
    await expect(page.title()).resolves.toMatch(/^تسجيل الدخول/);
    expect((await page.context().cookies()).find((c) => c.name === "locale")?.value).toBe("ar");

    await page.getByRole("group", { name: "اللغة" }).getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.dir === "ltr");
    expect(await htmlLangDir(page)).toEqual({ lang: "en", dir: "ltr" });
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in");
    await page.reload();
    await expect(page.title()).resolves.toMatch(/^Sign in/);
  });

  it("signs up in Arabic with the phone and the code typed in Arabic-Indic digits", async () => {
    const page = await inLanguage("phone", "ar");
    const email = uniqueEmail("arabic");
    await page.goto("/auth/sign-up");
    await page.getByLabel("الاسم الكامل").fill("نور المصري");
    await page.getByLabel("البريد الإلكتروني").fill(email);
    const phone = page.getByLabel("رقم الهاتف");
    await phone.pressSequentially("+٢٠ ١٠ ١٢٣٤ ٥٦٧٨");
    await expect(phone.inputValue()).resolves.toBe("+20 10 1234 5678");
    await page.getByLabel("كلمة المرور", { exact: true }).fill(GOOD_PASSWORD);
    await page.getByRole("button", { name: "إنشاء الحساب" }).click();

    await page.waitForURL(/\/auth\/verify-otp/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("تأكيد البريد الإلكتروني");
    const code = codeFrom(await app.mail.waitFor(email));
    const input = page.getByLabel("رمز التحقق من 6 أرقام");
    // The code reads left to right even on an Arabic page, with the phone's number pad and autofill from the email.
    expect(await input.evaluate((el) => [el.getAttribute("dir"), el.getAttribute("inputmode"), el.getAttribute("autocomplete")])).toEqual([
      "ltr",
      "numeric",
      "one-time-code",
    ]);
    await input.fill("۱۲۳");
    await expect(input.inputValue()).resolves.toBe("123");
    await input.fill("");
    await input.pressSequentially(arabicIndic(code));
    await expect(input.inputValue()).resolves.toBe(code);
    await page.getByRole("button", { name: "تأكيد البريد الإلكتروني" }).click();
    await page.waitForURL(/\/dashboard$/);
  });
});
