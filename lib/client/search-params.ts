/** Next's searchParams values may repeat (?a=1&a=2); pages take the first one. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function firstParam(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
