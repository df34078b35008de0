import { useTranslations } from "next-intl";

/**
 * What a list shows while its rows stream in: grey bars the size of the rows to come, so nothing
 * jumps when they arrive. Screen readers hear one "Loading…" (aria-busy region), not the bars.
 */
export function TableSkeleton({ rows, label }: { rows: number; label: string }) {
  const t = useTranslations("dashboard");
  return (
    <div role="status" aria-busy="true" aria-label={label} className="flex flex-col gap-2" data-testid="skeleton">
      <span className="sr-only">{t("loading")}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} aria-hidden="true" className="h-16 animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none" />
      ))}
    </div>
  );
}
