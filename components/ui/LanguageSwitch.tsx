"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { apiFetch } from "@/lib/client/api";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locale";

/** Each language named in itself, so a reader who cannot read the current one still finds theirs. */
const LANGUAGES: { locale: Locale; label: string }[] = [
  { locale: "en", label: "English" },
  { locale: "ar", label: "العربية" },
];

/** The signed-out choice: a year, readable by the server's i18n/request.ts. */
function rememberLocale(locale: Locale) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}

/**
 * English / العربية on every page (docs/I18N.md "Which language"). The choice goes in the `locale`
 * cookie, and to the account (PATCH /api/users/me), since a signed-in account's language comes
 * first. Signed out, that call answers 401 and changes nothing: the cookie is what counts.
 * Two toggle buttons (aria-pressed) in a labelled group. While the page re-renders in the new
 * language they are aria-disabled rather than disabled, so keyboard focus stays on the one pressed.
 */
export function LanguageSwitch() {
  const current = useLocale();
  const t = useTranslations("ui");
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    if (pending || locale === current) return;
    rememberLocale(locale);
    startTransition(async () => {
      await apiFetch("/api/users/me", { method: "PATCH", body: { locale } });
      router.refresh();
    });
  }

  return (
    <div role="group" aria-label={t("language")} aria-busy={pending || undefined} className="flex items-center gap-1 text-sm">
      {LANGUAGES.map(({ locale, label }) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          dir={locale === "ar" ? "rtl" : "ltr"}
          aria-pressed={current === locale}
          aria-disabled={pending || undefined}
          onClick={() => choose(locale)}
          className="inline-flex min-h-11 items-center rounded-md px-2 text-brand underline-offset-4 hover:underline aria-pressed:font-semibold aria-pressed:text-slate-900"
        >
          {label}
        </button>
      ))}
    </div>
  );
}
