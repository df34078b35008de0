import type { ClientErrorCode } from "@/lib/http/error-codes";
import { en } from "./en";

/**
 * The English catalogue read directly, as pages did before they had a language (docs/I18N.md
 * "Writing a page"). What is still converted to next-intl's `t()` reads it; what is not yet is
 * English on an Arabic page, so nothing new may use it.
 */
export { en };
export const t = en;

/** Fills `{name}` placeholders: fmt("Hi {name}", { name: "Ann" }). Unknown keys stay visible. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

/** The message for an API error code, in the current language; the server's text as a fallback. */
export function errorText(code: ClientErrorCode | string, fallback?: string): string {
  const known = (en.errors as Record<string, string>)[code];
  return known ?? fallback ?? en.errors.INTERNAL_ERROR;
}
