import { ar } from "./ar";
import { en, type Messages } from "./en";
import type { Locale } from "./locale";

/** The message catalogue of a language (both are small enough to keep loaded). */
export function catalogueFor(locale: Locale): Messages {
  // `ar` has exactly en's keys (lib/i18n/catalogue.ts); only the literal string types differ.
  return (locale === "ar" ? ar : en) as Messages;
}
