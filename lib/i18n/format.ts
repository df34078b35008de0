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

/**
 * Sizes as people read them (binary units, one decimal below 10). English keeps the familiar
 * "KB"/"MB"; Arabic spells the unit out (كيلوبايت), since its short forms (ك.ب) are not what
 * people see on their phones.
 */
export function formatBytes(bytes: number, locale: Locale): string {
  const [value, unit, label] =
    bytes < 1024 ? [bytes, "byte", "B"] : bytes < 1024 * 1024 ? [bytes / 1024, "kilobyte", "KB"] : [bytes / 1024 / 1024, "megabyte", "MB"];
  const digits = value < 10 && unit !== "byte" ? 1 : 0;
  if (locale === "en") return `${value.toFixed(digits).replace(/\.0$/, "")} ${label}`;
  return new Intl.NumberFormat(intlLocale(locale), { style: "unit", unit, unitDisplay: "long", maximumFractionDigits: digits }).format(value);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}
