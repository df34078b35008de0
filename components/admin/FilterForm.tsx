"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { primaryButtonClass, touchLinkClass } from "@/components/ui/styles";

/**
 * A plain GET form: filters become the page's query string, so a filtered view can be bookmarked,
 * shared and reloaded, and it works before (or without) JavaScript. No secrets ever go through it.
 */
export function FilterForm({ action, label, apply, clear, children }: { action: string; label: string; apply: string; clear: string; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">{children}</div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryButtonClass}>
          {apply}
        </button>
        <Link href={action} className={touchLinkClass}>
          {clear}
        </Link>
      </div>
    </form>
  );
}
