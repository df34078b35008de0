import type { HashLimit } from "./hash-limit";
import type { Measured } from "./scenarios";

/** Plain aligned text, so the output pastes as-is into docs/PERFORMANCE.md and CI logs. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

export type Row = Measured & { rssMiB: number; note?: string };

export function scenarioTable(rows: Row[], idleRssMiB: number): string {
  return table(
    ["scenario", "conns", "req/s (2xx)", "p50 ms", "p99 ms", "2xx", "non-2xx", "errors", "CPU ms/req", "RSS MiB after"],
    [
      ["idle after start-up", "-", "-", "-", "-", "-", "-", "-", "-", f0(idleRssMiB)],
      ...rows.map((r) => [
        r.name,
        String(r.connections),
        f1(r.okPerSecond),
        f1(r.p50),
        f1(r.p99),
        String(r.ok),
        String(r.non2xx),
        String(r.errors),
        f2(r.cpuMsPerRequest),
        f0(r.rssMiB),
      ]),
    ],
  );
}

export type Ratio = { name: string; value: number; target: number };

export function ratioTable(ratios: Ratio[]): string {
  return table(
    ["ratio", "value", "target", "met"],
    ratios.map((r) => [r.name, `${f1(r.value * 100)} %`, `>= ${f0(r.target * 100)} %`, r.value >= r.target ? "yes" : "NO"]),
  );
}

export function hashLine(h: HashLimit): string {
  return `argon2id hash limit (app parameters, ${h.concurrency} in flight, outside the server): ${f1(h.verifyPerSecond)} verify/s, ${f1(h.hashPerSecond)} hash/s, ${f1(h.cpuMsPerVerify)} CPU ms per verify`;
}
