"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useId } from "react";
import { RecordCard } from "./RecordCard";
import { byYear } from "./recordDates";
import type { RecordItem } from "./types";

type Props = {
  records: RecordItem[];
  /** Owner-only controls for one record (edit, delete); none on a doctor's view. */
  actions?: (record: RecordItem) => ReactNode;
  /** What the list is, for screen readers ("Your records", "Records of …"). */
  label: string;
};

/** Records grouped by year (headings h3, under the page's h2; each record's title is h4) — of the document's date, else the upload's — newest first, with a count for screen readers. */
export function RecordList({ records, actions, label }: Props) {
  const t = useTranslations("records");
  const id = useId();
  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="text-sm text-slate-600" data-testid="records-count">
        {records.length === 0 ? t("filters.none") : t("filters.count", { count: records.length })}
      </p>
      {byYear(records).map((group) => (
        <section key={group.year} aria-labelledby={`${id}-${group.year}`} className="flex flex-col gap-3">
          <h3 id={`${id}-${group.year}`} className="text-start text-lg font-semibold" data-testid="records-year">
            {group.year}
          </h3>
          <ul className="flex flex-col gap-3" aria-label={t("list.group", { label, year: group.year })}>
            {group.records.map((record) => (
              <RecordCard key={record.id} record={record} actions={actions?.(record)} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
