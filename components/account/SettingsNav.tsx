import Link from "next/link";
import { useTranslations } from "next-intl";
import { ACCOUNT_SECTIONS, type AccountSection } from "./sections";

/**
 * The side navigation of the settings area from 1024 px: every section, the open one marked with
 * aria-current. Below that width the pages link back to /account, which lists the sections.
 */
export function SettingsNav({ current }: { current: AccountSection }) {
  const t = useTranslations("account");
  return (
    <nav aria-label={t("area.nav")} className="hidden lg:block">
      <ul className="flex flex-col gap-1 border-e border-slate-200 pe-4">
        {ACCOUNT_SECTIONS.map(({ key, href }) => (
          <li key={key}>
            <Link
              href={href}
              aria-current={current === key ? "page" : undefined}
              className="flex min-h-11 items-center rounded-md border-s-4 border-transparent px-3 text-brand hover:bg-sky-50 aria-[current=page]:border-brand aria-[current=page]:bg-sky-50 aria-[current=page]:font-semibold aria-[current=page]:text-slate-900"
            >
              {t(`sections.${key}.title`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Below 1024 px, the way back from a section to the list of them. */
export function BackToSettings() {
  const t = useTranslations("account");
  return (
    <Link href="/account" className="inline-flex min-h-11 items-center gap-1 self-start text-brand underline underline-offset-2 lg:hidden">
      <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
        ←
      </span>
      {t("area.back")}
    </Link>
  );
}
