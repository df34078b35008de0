import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { codeFrom } from "../helpers/smtp";
import { expectAxeClean } from "./axe";
import { expectNoSidewaysScroll, signUpAndConfirm, submitSignIn } from "./flows";
import { type SharedApp, useBrowser } from "./shared";
import { SCREENSHOTS } from "./browser";

/**
 * The account settings area (docs/DECISIONS.md "The account page lists the sections"): each
 * section opens from a deep link when signed in and through sign-in and back when not; and every
 * page of the area in English and Arabic on a phone and a desktop window: its language and
 * direction, its title, the side navigation (or the way back to the list), axe clean, no sideways
 * scroll, a screenshot in test-results/screenshots/.
 */

type Locale = "en" | "ar";

const PAGES: { slug: string; path: string; nav?: string; title: Record<Locale, string> }[] = [
  { slug: "overview", path: "/account", title: { en: "Account settings", ar: "إعدادات الحساب" } },
  { slug: "profile", path: "/account/profile", nav: "profile", title: { en: "Profile", ar: "الملف الشخصي" } },
  { slug: "security", path: "/account/security", nav: "security", title: { en: "Password and email", ar: "كلمة المرور والبريد الإلكتروني" } },
  { slug: "two-step", path: "/account/two-step", nav: "two-step", title: { en: "Two-step sign-in", ar: "التحقق بخطوتين" } },
  { slug: "devices", path: "/account/devices", nav: "devices", title: { en: "Signed-in devices", ar: "الأجهزة المتصلة" } },
  { slug: "data", path: "/account/data", nav: "data", title: { en: "Your data", ar: "بياناتك" } },
];

const AREA_NAV = { en: "Account settings", ar: "إعدادات الحساب" };
const BACK = { en: "All account settings", ar: "كل إعدادات الحساب" };

async function postJson(url: string, body: unknown) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", origin: new URL(url).origin }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A confirmed patient made through the API, so the page tests start signed in at once. */
async function patientByApi(app: SharedApp, name: string, email: string) {
  expect((await postJson(`${app.url}/api/auth/signup`, { name, email, password: GOOD_PASSWORD })).status).toBe(201);
  expect((await postJson(`${app.url}/api/auth/verify-otp`, { email, code: codeFrom(await app.mail.waitFor(email)) })).status).toBe(200);
}

const langDir = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe("the account settings area", () => {
  const { app, newPage, newDesktopPage } = useBrowser();
  const accounts = { en: uniqueEmail("area-en"), ar: uniqueEmail("area-ar") };

  beforeAll(async () => {
    await patientByApi(app, "Salma Settings", accounts.en);
    await patientByApi(app, "سلمى الإعدادات", accounts.ar);
  });

  it("opens /account/devices, /account/two-step and /account/data from a link, signed in or through sign-in and back", async () => {
    const page = await newPage();
    const email = uniqueEmail("area-links");
    await signUpAndConfirm(page, app.mail, "Deep Link", email);
    const deep = PAGES.filter((p) => ["devices", "two-step", "data"].includes(p.slug));
    for (const { path: to, title } of deep) {
      await page.goto(to);
      expect(new URL(page.url()).pathname).toBe(to);
      await page.getByRole("heading", { level: 1, name: title.en }).waitFor();
    }
    for (const { path: to, title } of deep) {
      await page.context().clearCookies();
      await page.goto(to);
      await page.waitForURL((u) => u.pathname === "/auth/login" && u.searchParams.get("next") === to);
      await submitSignIn(page, email);
      await page.waitForURL((u) => u.pathname === to);
      await page.getByRole("heading", { level: 1, name: title.en }).waitFor();
    }
  });

  it.each([
    ["en", "phone"],
    ["en", "desktop"],
    ["ar", "phone"],
    ["ar", "desktop"],
  ] as const)("every page of the area in %s on a %s", async (locale, size) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const page = size === "phone" ? await newPage() : await newDesktopPage();
    const width = page.viewportSize()!.width;
    expect((await page.request.post("/api/auth/login", { data: { email: accounts[locale], password: GOOD_PASSWORD } })).status()).toBe(200);
    await page.goto("/account");
    if ((await langDir(page)).lang !== locale) {
      // As a person would: the switch saves the language to the account.
      await page.getByRole("button", { name: locale === "ar" ? "العربية" : "English" }).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    }

    for (const { slug, path: to, nav, title } of PAGES) {
      await page.goto(to);
      await page.waitForLoadState("networkidle");
      expect(await langDir(page), to).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });
      await page.getByRole("heading", { level: 1, name: title[locale] }).waitFor();
      const sideNav = page.getByRole("navigation", { name: AREA_NAV[locale] });
      if (!nav) {
        // /account is the list itself: every section, at every width.
        expect(await sideNav.getByRole("link").count()).toBe(PAGES.length - 1);
      } else if (size === "desktop") {
        const current = sideNav.locator('a[aria-current="page"]');
        expect(await current.count(), to).toBe(1);
        expect(await current.getAttribute("href")).toBe(to);
        expect(await page.getByRole("link", { name: BACK[locale] }).isVisible()).toBe(false);
      } else {
        expect(await sideNav.isVisible(), `${to}: no side navigation at 360 px`).toBe(false);
        expect(await page.getByRole("link", { name: BACK[locale] }).isVisible()).toBe(true);
      }
      await expectAxeClean(page, `${to} (${locale}, ${width} px)`);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, `account-${slug}-${locale}-${width}.png`), fullPage: true });
    }
  });
});
