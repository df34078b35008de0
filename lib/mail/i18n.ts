import "server-only";
import type { emails } from "@/lib/i18n/en/emails";
import { dirOf, type Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translate";

/**
 * Emails in the recipient's stored language (docs/I18N.md "Emails"): every word comes from the
 * `emails` catalogue through `createTranslator`, in the locale the caller passes — the recipient's,
 * never the language of whoever caused the email. A message is written twice: as text (values
 * exactly as they are, so a code stays a bare ASCII number and a link stays clickable) and as
 * HTML (escaped; in a right-to-left email each value is isolated in <bdi>, and codes, links,
 * addresses and file names are held left to right with dir="ltr").
 */

type Leaves<T, P extends string> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
export type EmailKey = Leaves<typeof emails, "">;
type Values = Record<string, string | number>;

/** One sentence of an email, ready for either part. */
export type Line = { text: string; html: string };

export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

// Private-use characters mark where a string value goes, so the words can be escaped on their own.
const mark = (i: number) => `\uE000${i}\uE001`;

export type MailWriter = {
  locale: Locale;
  dir: "ltr" | "rtl";
  /** `ltr`: the values that are codes, links, addresses or file names. */
  line(key: EmailKey, values?: Values, ltr?: readonly string[]): Line;
  /** Words only (a subject, a label). */
  words(key: EmailKey, values?: Values): string;
};

export function mailWriter(locale: Locale): MailWriter {
  const t = translator(locale);
  const rtl = dirOf(locale) === "rtl";
  const words = (key: EmailKey, values: Values = {}) => t(`emails.${key}` as never, values as never) as string;
  return {
    locale,
    dir: dirOf(locale),
    words,
    line(key, values = {}, ltr = []) {
      const strings = Object.entries(values).filter((e): e is [string, string] => typeof e[1] === "string");
      const marked = { ...values, ...Object.fromEntries(strings.map(([k], i) => [k, mark(i)])) };
      let html = esc(words(key, marked));
      strings.forEach(([k, v], i) => {
        const value = !rtl ? esc(v) : ltr.includes(k) ? `<bdi dir="ltr">${esc(v)}</bdi>` : `<bdi>${esc(v)}</bdi>`;
        html = html.replace(mark(i), () => value); // a function: "$&" in a value stays as typed
      });
      return { text: words(key, values), html };
    },
  };
}
