"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { primaryButtonClass, touchLinkClass } from "@/components/ui/styles";

/**
 * A plain GET form: filters become the page's query string, so a filtered view can be bookmarked,
 * shared and reloaded, and it works before (or without) JavaScript. No secrets ever go through it.
 * From 1024 px the fields stand in one bar above the table; below it they wrap in two columns.
 */
export function FilterForm({ action, label, apply, clear, children }: { action: string; label: string; apply: string; clear: string; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 lg:flex-row lg:items-end">
      <div className="grid flex-1 grid-cols-1 items-start gap-4 sm:grid-cols-2 lg:auto-cols-fr lg:grid-flow-col lg:grid-cols-none">{children}</div>
      <div className="flex flex-wrap items-center gap-4 lg:flex-nowrap">
        <button type="submit" className={`${primaryButtonClass} whitespace-nowrap`}>
          {apply}
        </button>
        <Link href={action} className={`${touchLinkClass} whitespace-nowrap`}>
          {clear}
        </Link>
      </div>
    </form>
  );
}
