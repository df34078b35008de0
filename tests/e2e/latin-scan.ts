import type { Page } from "playwright-core";
import { expect } from "vitest";
import { ar } from "@/lib/i18n/ar";
import { en } from "@/lib/i18n/en";

/**
 * "No English on an Arabic page" as a check (docs/I18N.md, SPEC §7): the visible text of a page
 * rendered in Arabic, scanned for runs of Latin words. What may stay Latin is the product name,
 * a few technical words, and what is not prose at all: email addresses, URLs and paths, file
 * names and codes (anything with a digit or an underscore, e.g. 123456, abcde-12345, INVALID_CODE).
 *
 *   import { expectNoLatinRuns } from "./latin-scan";
 *   await page.goto("/records");                         // with the locale cookie set to "ar"
 *   await expectNoLatinRuns(page);                       // or expectNoLatinRuns(page, { allowed: ["Postman"] })
 *
 * The page text is read from visible text nodes plus aria-label, title, placeholder and alt, and
 * skips what is marked as not Arabic on purpose: `code`, `pre`, `kbd`, `samp`, and any element with
 * a `lang` other than Arabic (the language switch's "English", the OpenAPI document's own text).
 * `latinRuns(text)` is the pure part, for unit tests and for text read some other way.
 */

/** Latin words that may appear in Arabic copy: the product name and technical names with no Arabic word in use. */
export const ALLOWED_LATIN: readonly string[] = ["CareGate", "API", "OpenAPI", "JSON", "Content-Type"];

const ARABIC = "\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF";
/** A line break, a run of Arabic script, or a chunk of anything else that is not white space. */
const CHUNKS = new RegExp(`\\n|[${ARABIC}]+|[^\\s${ARABIC}]+`, "g");
const IS_ARABIC = new RegExp(`^[${ARABIC}]`);

const EDGE_PUNCTUATION = /^[("'«“‘[{<]+|[)"'»”’\]}>.,:;!?،؛؟…]+$/g;
const URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|\/)\S*$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const FILE_NAME = /^[\w() -]+\.[A-Za-z0-9]{1,5}$/;
const CODE_LIKE = /[0-9_]/;
/** A media type the API asks for by name (application/json, multipart/form-data). */
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

function isExempt(token: string, allowed: ReadonlySet<string>): boolean {
  return allowed.has(token) || URL.test(token) || EMAIL.test(token) || FILE_NAME.test(token) || CODE_LIKE.test(token) || MEDIA_TYPE.test(token);
}

/**
 * The runs of Latin words in `text` that are not allowed, each as it appears ("Sign in", "Forgot your
 * password"). Arabic words and line breaks end a run; punctuation and exempt tokens (allowed
 * words, addresses, codes) are skipped. `allowed` adds to ALLOWED_LATIN, matched case-sensitively
 * as whole words.
 */
export function latinRuns(text: string, allowed: readonly string[] = []): string[] {
  const ok = new Set([...ALLOWED_LATIN, ...allowed]);
  const runs: string[] = [];
  let current: string[] = [];
  const end = () => {
    if (current.length) runs.push(current.join(" "));
    current = [];
  };
  for (const [chunk] of text.matchAll(CHUNKS)) {
    if (chunk === "\n" || IS_ARABIC.test(chunk)) {
      end();
      continue;
    }
    const token = chunk.replace(EDGE_PUNCTUATION, "");
    if (!/[A-Za-z]/.test(token) || isExempt(token, ok)) continue;
    // "Sign-in" or "Import/Link": every Latin part must be allowed for the token to pass.
    const words = token.split(/[^A-Za-z0-9_]+/).filter((w) => /[A-Za-z]/.test(w) && !isExempt(w, ok));
    if (words.length) current.push(token);
  }
  end();
  return runs;
}

/** The text a reader sees (and hears: accessible names, placeholders, alt text), minus what is meant to be Latin. */
export async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const NOT_PROSE = "code, pre, kbd, samp, script, style, noscript, template";
    const foreign = (el: Element) => {
      if (el.closest(NOT_PROSE)) return true;
      const lang = el.closest("[lang]")?.getAttribute("lang") ?? "";
      return lang !== "" && !/^ar(-|$)/i.test(lang);
    };
    const visible = (el: Element) => el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && node.textContent?.trim() && !foreign(parent) && visible(parent)) parts.push(node.textContent);
    }
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], img[alt]")) {
      if (foreign(el)) continue;
      for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(attr);
        if (value) parts.push(value);
      }
    }
    parts.push(document.title);
    return parts.join("\n");
  });
}

/**
 * The English text of the catalogues whose Arabic file is still the English stand-in
 * (`export const x = en.x`, the same object): words another feature's engineer has yet to
 * translate, which a page may show through a shared component. Computed, not listed, so a
 * catalogue drops out of it the moment it is translated and the scan is strict for it again.
 */
export function standInPhrases(): string[] {
  const leaves = (v: unknown): string[] =>
    typeof v === "string" ? [v] : v && typeof v === "object" ? Object.values(v).flatMap(leaves) : [];
  return (Object.keys(en) as (keyof typeof en)[]).filter((ns) => (ar[ns] as unknown) === en[ns]).flatMap((ns) => leaves(en[ns]));
}

type ScanOptions = {
  /** Latin words this page may show besides ALLOWED_LATIN (e.g. a product it names). */
  allowed?: readonly string[];
  /** Phrases a run may be part of without failing (e.g. standInPhrases()). */
  tolerate?: readonly string[];
  where?: string;
};

/** Fails with the Latin runs found on the page as it stands (see the file comment for what is exempt). */
export async function expectNoLatinRuns(page: Page, { allowed = [], tolerate = [], where = page.url() }: ScanOptions = {}): Promise<void> {
  // Tolerated phrases are scanned the same way, so punctuation and allowed words drop out alike.
  const tolerated = tolerate.flatMap((phrase) => latinRuns(phrase, allowed));
  const runs = latinRuns(await readableText(page), allowed).filter((run) => !tolerated.some((phrase) => phrase.includes(run)));
  expect(runs, `English left on the Arabic page ${where}`).toEqual([]);
}
