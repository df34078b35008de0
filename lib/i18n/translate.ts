import { createTranslator } from "use-intl/core";
import { catalogueFor } from "./catalogues";
import type { Locale } from "./locale";
import { isMessageKey } from "./message-key";

/**
 * Words outside React (docs/I18N.md "API errors", "Emails"): the API's error answers and the
 * emails are written with the same catalogues as the pages, through use-intl's `createTranslator`.
 * One translator per language, made on first use (the catalogues are static).
 */
const make = (locale: Locale) => createTranslator({ locale, messages: catalogueFor(locale) });
export type Translator = ReturnType<typeof make>;

const translators = new Map<Locale, Translator>();
export function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = make(locale)));
  return t;
}


/**
 * An error or field message in `locale`. A key becomes its words. Anything else is a detail a
 * server module still writes in English (zod's own text for a rule without a key, a size limit):
 * English readers get it as it is, others get `fallbackKey`'s words rather than a foreign sentence.
 */
export function messageText(locale: Locale, text: string, fallbackKey: string): string {
  const t = translator(locale);
  const key = isMessageKey(text) && t.has(text as never) ? text : locale === "en" ? null : fallbackKey;
  return key ? t(key as never) : text;
}
