import type { Locale } from "./locale";

/**
 * Dates, numbers and sizes for a language (docs/I18N.md "Dates and numbers"). The Intl locale pins
 * the Gregorian calendar and Western digits (`-u-ca-gregory-nu-latn`): codes and phone numbers are
 * Western digits everywhere, and a page rendered on the server and hydrated in the browser must not
 * depend on which ICU either of them ships.
 */
export const intlLocale = (locale: Locale) => `${locale === "ar" ? "ar" : "en-GB"}-u-ca-gregory-nu-latn`;

/** A date (and time) in the reader's language; `timeZone` undefined means the browser's own. */
export function formatDate(iso: string | Date | null, locale: Locale, options: { withTime?: boolean; timeZone?: string } = {}): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const { withTime = true, timeZone } = options;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone,
  }).format(d);
}

/** Sizes as people read them (binary units, one decimal below 10), with the unit in the reader's language. */
export function formatBytes(bytes: number, locale: Locale): string {
  const [value, unit] =
    bytes < 1024 ? [bytes, "byte"] : bytes < 1024 * 1024 ? [bytes / 1024, "kilobyte"] : [bytes / 1024 / 1024, "megabyte"];
  return new Intl.NumberFormat(intlLocale(locale), {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: value < 10 && unit !== "byte" ? 1 : 0,
  }).format(value);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}
