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

/** Days from now until an end date, counting a part of a day as a day (0 once it is today's end). */
export function daysLeft(iso: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 86_400_000) - 1);
}
