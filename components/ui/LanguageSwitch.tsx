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
 * cookie for signed-out visits, and to the account (PATCH /api/users/me) when someone is signed in,
 * since the account's language comes first. Signed out, that call answers 401 and changes nothing.
 */
export function LanguageSwitch() {
  const current = useLocale();
  const t = useTranslations("ui");
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    rememberLocale(locale);
    startTransition(async () => {
      await apiFetch("/api/users/me", { method: "PATCH", body: { locale } });
      router.refresh();
    });
  }

  return (
    <ul aria-label={t("language")} className="flex items-center gap-1 text-sm" aria-busy={pending || undefined}>
      {LANGUAGES.map(({ locale, label }) => (
        <li key={locale}>
          <button
            type="button"
            lang={locale}
            aria-pressed={current === locale}
            disabled={pending}
            onClick={() => current !== locale && choose(locale)}
            className="inline-flex min-h-11 items-center rounded-md px-2 text-brand underline-offset-4 hover:underline aria-pressed:font-semibold aria-pressed:text-slate-900"
          >
            {label}
          </button>
        </li>
      ))}
    </ul>
  );
}
