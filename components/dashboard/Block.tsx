import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cardClass, touchLinkClass } from "@/components/ui/styles";

/**
 * One block of the home page: a titled card (the heading names the region) that ends with a link
 * to the page it summarises, so every block leads somewhere.
 */
export function Block({
  id,
  title,
  intro,
  link,
  className = "",
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  link?: { href: string; label: string };
  className?: string;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={`${cardClass} flex flex-col gap-3 ${className}`} data-testid={id}>
      <div className="flex flex-col gap-1">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {intro ? <div className="text-sm text-slate-700">{intro}</div> : null}
      </div>
      {children}
      {link ? (
        <p className="mt-auto">
          <Link href={link.href} className={touchLinkClass}>
            {link.label}
            <span aria-hidden="true" className="ms-1 inline-block rtl:-scale-x-100">
              →
            </span>
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** A block's place while its data streams in: the same card with grey bars, no spinner that jumps. */
export function BlockSkeleton({ title, rows = 3, className = "" }: { title: string; rows?: number; className?: string }) {
  const t = useTranslations("dashboard");
  return (
    <section aria-label={title} aria-busy="true" className={`${cardClass} flex flex-col gap-3 ${className}`} data-testid="skeleton">
      <h2 className="text-lg font-semibold">{title}</h2>
      <span className="sr-only">{t("loading")}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} aria-hidden="true" className="h-10 animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none" />
      ))}
    </section>
  );
}

/** What a block says when it has nothing to list. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-md bg-slate-50 p-3 text-slate-700">{children}</p>;
}

export const listClass = "flex flex-col divide-y divide-slate-200";
export const itemClass = "flex flex-col gap-0.5 py-2 first:pt-0";
