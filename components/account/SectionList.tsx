import Link from "next/link";
import { useTranslations } from "next-intl";
import { ACCOUNT_SECTIONS, type AccountSection } from "./sections";

/**
 * /account itself: every section as a link with one line saying what is there, and where it
 * helps, how things stand (two-step on or off, how many devices, a scheduled deletion).
 */
export function SectionList({ status }: { status: Partial<Record<AccountSection, string>> }) {
  const t = useTranslations("account");
  return (
    <nav aria-label={t("area.nav")}>
      <ul className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        {ACCOUNT_SECTIONS.map(({ key, href }) => (
          <li key={key}>
            <Link
              href={href}
              className="flex h-full min-h-11 items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand hover:bg-sky-50"
            >
              <span className="flex flex-col gap-1">
                <span className="text-lg font-semibold text-brand">{t(`sections.${key}.title`)}</span>
                <span className="text-sm text-slate-700">{t(`sections.${key}.description`)}</span>
                {status[key] ? (
                  <span className="text-sm font-medium text-slate-900" data-testid={`status-${key}`}>
                    {status[key]}
                  </span>
                ) : null}
              </span>
              <span aria-hidden="true" className="mt-1 text-brand rtl:-scale-x-100">
                →
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
