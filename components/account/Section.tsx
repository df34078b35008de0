import type { ReactNode } from "react";
import { cardClass } from "@/components/ui/styles";

/** One titled block of a settings page; the heading names the region for landmark navigation. */
export function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className={`${cardClass} flex flex-col gap-4`} data-testid={`section-${id}`}>
      <div className="flex flex-col gap-1">
        <h2 id={`${id}-title`} className="text-xl font-semibold">
          {title}
        </h2>
        {intro ? <p className="text-sm text-slate-700">{intro}</p> : null}
      </div>
      {children}
    </section>
  );
}

/**
 * The card of a page that is one block only (profile, devices, two-step): the page's h1 already
 * names it, so a heading here would only repeat it.
 */
export function Panel({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div className={`${cardClass} flex flex-col gap-4`} data-testid={`section-${id}`}>
      {children}
    </div>
  );
}
