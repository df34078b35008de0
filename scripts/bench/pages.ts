import type { Row } from "./report";
import type { Scenario } from "./scenarios";

/**
 * A page in each language (docs/I18N.md, docs/PERFORMANCE.md "Pages in two languages"): the
 * patient sign-up page, server-rendered, signed out, so nothing but the language differs — the catalogue,
 * right-to-left attributes and the Arabic strings. (Not named after "login": the sign-in figures find
 * their row by that word.) Each language runs twice in the order English,
 * Arabic, Arabic, English (ABBA), and the ratio compares the sums: the server's warming up and a
 * slow moment on shared cores fall on both languages alike.
 */
export const ARABIC_PAGE_TARGET = 0.95;

const page = (language: "English" | "Arabic", again: boolean): Scenario => ({
  name: `GET /auth/sign-up page (${language}${again ? ", again" : ""})`,
  requests: [{ method: "GET", path: "/auth/sign-up", headers: { cookie: `locale=${language === "Arabic" ? "ar" : "en"}` } }],
});

export const pageScenarios = (): Scenario[] => [page("English", false), page("Arabic", false), page("Arabic", true), page("English", true)];

/** Arabic req/s ÷ English req/s over both runs of each; null when the pages did not run. */
export function arabicPageRatio(rows: Row[]): { english: number; arabic: number; ratio: number } | null {
  const sum = (language: string) => rows.filter((r) => r.name.startsWith(`GET /auth/sign-up page (${language}`)).reduce((n, r) => n + r.okPerSecond, 0);
  const [english, arabic] = [sum("English"), sum("Arabic")];
  return english && arabic ? { english: english / 2, arabic: arabic / 2, ratio: arabic / english } : null;
}
