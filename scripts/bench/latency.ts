/**
 * Read-path latency for the scale run: a few clients in a loop against the real server, each
 * request timed on its own (autocannon cannot follow a cursor from one page to the next). Every
 * answer must be a 200; anything else is counted and shown, never silently averaged in.
 */
export type QueryScenario = {
  name: string;
  /** The first page's path (query string included); called once per chain, so it can vary. */
  start: () => string;
  /** The next page's path from this page's body, or null at the end (keyset paging). */
  follow?: (body: Record<string, unknown>, path: string) => string | null;
  /** Pages per chain (1 = no paging). */
  pages?: number;
};

export type QueryResult = {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  failed: number;
  /** What one answer held, for the table: `total` of a user list, events on an audit page. */
  matches: string;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function measureQuery(
  base: string,
  token: string,
  scenario: QueryScenario,
  seconds: number,
  clients: number,
  warmupSeconds = 1,
): Promise<QueryResult> {
  const get = async (path: string) => {
    const t = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as Record<string, unknown>;
    return { ms: performance.now() - t, status: res.status, body };
  };
  const matches = new Set<number>();
  const drive = async (until: number, record: boolean) => {
    const times: number[] = [];
    let failed = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until) {
          let path: string | null = scenario.start();
          for (let page = 0; path && page < (scenario.pages ?? 1); page++) {
            const r = await get(path);
            if (r.status !== 200) {
              failed++;
              if (failed === 1) console.log(`  ${scenario.name}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)} for ${path}`);
              break;
            }
            times.push(r.ms);
            if (record) {
              const n = typeof r.body.total === "number" ? r.body.total : Array.isArray(r.body.events) ? r.body.events.length : NaN;
              if (matches.size < 10_000) matches.add(n);
            }
            path = scenario.follow ? scenario.follow(r.body, path) : null;
          }
        }
      }),
    );
    return { times, failed };
  };
  await drive(performance.now() + warmupSeconds * 1000, false);
  const started = performance.now();
  const { times, failed } = await drive(started + seconds * 1000, true);
  const elapsed = (performance.now() - started) / 1000;
  const sorted = times.sort((a, b) => a - b);
  const seen = [...matches].filter(Number.isFinite).sort((a, b) => a - b);
  return {
    name: scenario.name,
    requests: times.length,
    perSecond: times.length / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    failed,
    matches: seen.length === 0 ? "-" : seen.length === 1 ? String(seen[0]) : `${seen[0]}–${seen.at(-1)}`,
  };
}

/** A small deterministic generator, so two runs ask for the same pages and names. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
