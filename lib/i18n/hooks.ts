import { useLocale, useTranslations } from "next-intl";
import { formatBytes, formatDate } from "./format";

/**
 * What components need beside `useTranslations`: an API error code as words in the reader's
 * language (the UI switches on `code`, never on the server's text), and dates and sizes formatted
 * for the language. Usable in client components and in non-async server components.
 */
export function useErrorText() {
  const t = useTranslations("errors");
  return (code: string, fallback?: string): string =>
    t.has(code as never) ? t(code as never) : (fallback ?? t("INTERNAL_ERROR"));
}

/** What lib/client/form-errors.ts says around a refused form: the error, and how long to wait after a 429. */
export function useApiErrorWords() {
  const error = useErrorText();
  const t = useTranslations("login");
  return { error, retryIn: (seconds: number) => t("retryIn", { seconds }) };
}

export function useFormat() {
  const locale = useLocale();
  return {
    locale,
    date: (iso: string | Date | null, options?: { withTime?: boolean; timeZone?: string }) => formatDate(iso, locale, options),
    bytes: (n: number) => formatBytes(n, locale),
  };
}
