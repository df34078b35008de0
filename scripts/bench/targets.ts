import type { ExportResult } from "./export";
import { EXPORT_MBPS_TARGET, EXPORT_RSS_TARGET_MIB } from "./export";
import type { ReadRatio } from "./reads";
import { ARABIC_PAGE_TARGET } from "./pages";
import { RSS_TARGET_MIB, type RecordsResult } from "./records";
import { type Row, table, verdict } from "./report";

/**
 * The summary that guards the gains (docs/PERFORMANCE.md "Current figures"): every figure with a
 * target, beside it, "met" or "NOT met". Figures whose part did not run (`--only`) are left out.
 */

export type Target = { figure: string; value: string; target: string; met: boolean | null };

export function targetsTable(targets: Target[]): string {
  return table(
    ["figure", "value", "target", "verdict"],
    targets.map((t) => [t.figure, t.value, t.target, verdict(t.met)]),
  );
}

const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

export type Figures = {
  engine: "PGlite" | "PostgreSQL";
  floor: Row | null;
  reads: ReadRatio[];
  signIn: { value: number; target: number } | null;
  records: RecordsResult | null;
  exported: ExportResult | null;
  /** Server RSS idle after start-up and after the whole load (targets on PGlite only). */
  rss: { idle: number; load: number };
  /** The sign-in page in Arabic and in English (./pages.ts). */
  pages: { english: number; arabic: number; ratio: number } | null;
};

export function collectTargets(f: Figures): Target[] {
  const out: Target[] = [];
  if (f.floor) out.push({ figure: "floor: /api 404, no database (req/s)", value: f.floor.okPerSecond.toFixed(1), target: "printed", met: null });
  for (const r of f.reads) {
    out.push({ figure: `${r.name} ÷ floor`, value: `${pct(r.ratio)} (${r.okPerSecond.toFixed(0)} req/s, p99 ${r.p99.toFixed(1)} ms)`, target: `>= ${(r.target * 100).toFixed(0)} %`, met: r.ratio >= r.target });
  }
  if (f.records) {
    out.push({ figure: `RSS growth, 4 × 10 MiB uploads (${f.engine})`, value: `${f.records.growthMiB.toFixed(1)} MiB`, target: `< ${RSS_TARGET_MIB} MiB`, met: f.records.growthMiB < RSS_TARGET_MIB });
  }
  if (f.exported) {
    const size = `${(f.exported.zipBytes / 1e6).toFixed(0)} MB`;
    out.push({ figure: `export throughput, ${size} zip (${f.engine})`, value: `${f.exported.MBps.toFixed(1)} MB/s`, target: `>= ${EXPORT_MBPS_TARGET} MB/s`, met: f.exported.MBps >= EXPORT_MBPS_TARGET });
    out.push({ figure: `RSS growth during the export (${f.engine})`, value: `${f.exported.growthMiB.toFixed(1)} MiB`, target: `< ${EXPORT_RSS_TARGET_MIB} MiB`, met: f.exported.growthMiB < EXPORT_RSS_TARGET_MIB });
  }
  if (f.engine === "PGlite") {
    out.push({ figure: "server RSS idle / after the whole load (PGlite)", value: `${f.rss.idle.toFixed(0)} / ${f.rss.load.toFixed(0)} MiB`, target: "< 300 / < 500 MiB", met: f.rss.idle < 300 && f.rss.load < 500 });
  }
  if (f.pages) {
    out.push({ figure: "Arabic page ÷ English page (GET /auth/sign-up)", value: `${pct(f.pages.ratio)} (${f.pages.arabic.toFixed(0)} vs ${f.pages.english.toFixed(0)} req/s)`, target: `>= ${(ARABIC_PAGE_TARGET * 100).toFixed(0)} %`, met: f.pages.ratio >= ARABIC_PAGE_TARGET });
  }
  if (f.signIn) {
    out.push({ figure: "sign-in req/s ÷ argon2id verify/s", value: pct(f.signIn.value), target: `>= ${(f.signIn.target * 100).toFixed(0)} %`, met: f.signIn.value >= f.signIn.target });
  }
  return out;
}
