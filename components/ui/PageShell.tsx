import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./LanguageSwitch";

/**
 * The frame of every page: a skip link, a header with the language switch, and one <main>
 * landmark holding the page's single <h1>. Single column, logical spacing only, so an Arabic page
 * is the mirror image of an English one; no fixed widths (works at 360 px).
 */
export async function PageShell({
  title,
  intro,
  header,
  width = "md",
  children,
}: {
  title: string;
  intro?: ReactNode;
  header?: ReactNode;
  width?: "md" | "xl" | "3xl" | "6xl";
  children: ReactNode;
}) {
  const t = await getTranslations();
  const max = { md: "max-w-md", xl: "max-w-xl", "3xl": "max-w-3xl", "6xl": "max-w-6xl" }[width];
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-10 focus:rounded-md focus:bg-white focus:px-4 focus:py-3"
      >
        {t("ui.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className={`mx-auto flex w-full ${max} flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2`}>
          <Link href="/" className="inline-flex min-h-11 items-center text-lg font-bold text-brand">
            {t("app.name")}
          </Link>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            {header}
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={`mx-auto flex w-full ${max} flex-col gap-6 px-4 py-8 text-start`}>
        <div className="flex flex-col gap-2">
          <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{title}</h1>
          {intro ? <div className="text-slate-700">{intro}</div> : null}
        </div>
        {children}
      </main>
    </>
  );
}
