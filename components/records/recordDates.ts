import { en } from "@/lib/i18n";
import type { RecordItem } from "./types";

/** The day a record is sorted and grouped by: its document date, else its upload's day (as the API sorts). */
export const recordDay = (r: RecordItem) => r.documentDate ?? r.createdAt.slice(0, 10);

/** Records (already newest first) in groups by year, newest year first. */
export function byYear(records: RecordItem[]): { year: string; records: RecordItem[] }[] {
  const groups: { year: string; records: RecordItem[] }[] = [];
  for (const r of records) {
    const year = recordDay(r).slice(0, 4);
    const last = groups[groups.length - 1];
    if (last?.year === year) last.records.push(r);
    else groups.push({ year, records: [r] });
  }
  return groups;
}

/** A calendar day (YYYY-MM-DD) for people, without shifting it through a time zone. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

export const categoryLabel = (c: string) => en.records.categories[c] ?? c;
