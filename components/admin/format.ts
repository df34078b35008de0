/**
 * Dates on admin pages, rendered on the server: in UTC and labelled so, since the server does not
 * know the admin's time zone and the audit filters are UTC days too.
 */
const formatter = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function when(value: string | Date | null | undefined): string {
  if (!value) return "";
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : `${formatter.format(d)} UTC`;
}

export const isoOf = (value: string | Date) => new Date(value).toISOString();

/** A query string of the non-empty values, for links that keep the current filters. */
export function queryString(values: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}
