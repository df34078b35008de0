import { intlLocale } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";

/**
 * The deletion date, written the same way on the server and in the browser (no hydration
 * mismatch): UTC, long form, in the reader's language with the pinned calendar and digits.
 * A plain module, not the client banner's, so server pages can call it too.
 */
export const deletionDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
