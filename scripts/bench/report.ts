import type { HashLimit } from "./hash-limit";
import type { Measured } from "./scenarios";

/** Plain aligned text, so the output pastes as-is into docs/PERFORMANCE.md and CI logs. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** A figure against its target: what every "met" column prints. */
export const verdict = (met: boolean | null) => (met === null ? "-" : met ? "met" : "NOT met");

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

export type Row = Measured & { rssMiB: number; note?: string };

export function scenarioTable(rows: Row[], idleRssMiB: number): string {
  return table(
    ["scenario", "conns", "req/s (ok)", "p50 ms", "p99 ms", "ok", "other", "errors", "CPU ms/req", "db CPU", "client CPU", "RSS MiB after"],
    [
      ["idle after start-up", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", f0(idleRssMiB)],
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
        r.dbCpuMsPerRequest === null ? "-" : f2(r.dbCpuMsPerRequest),
        f2(r.clientCpuMsPerRequest),
        f0(r.rssMiB),
      ]),
    ],
  );
}

export function hashLine(h: HashLimit): string {
  return `argon2id hash limit (app parameters, ${h.concurrency} in flight, outside the server): ${f1(h.verifyPerSecond)} verify/s, ${f1(h.hashPerSecond)} hash/s, ${f1(h.cpuMsPerVerify)} CPU ms per verify`;
}

/**
 * Where a sign-in's CPU goes on these cores: the server (argon2id and the rest), the database's
 * processes and the load generator. argon2id's share of the total is the highest ratio to the hash
 * limit the machine allows without doing less work per sign-in, whatever the code does.
 */
export function signInBudget(login: Measured, hashCpuMs: number): string {
  const db = login.dbCpuMsPerRequest ?? 0;
  const total = login.cpuMsPerRequest + db + login.clientCpuMsPerRequest;
  const parts = [
    `server ${f1(login.cpuMsPerRequest)} ms (event loop ${f1(login.loopCpuMsPerRequest)}: framework, database client, JWT${login.dbCpuMsPerRequest === null ? ", PGlite" : ""}; thread pool and GC ${f1(login.cpuMsPerRequest - login.loopCpuMsPerRequest)}, argon2id ≈ ${f1(hashCpuMs)} of it)`,
    ...(login.dbCpuMsPerRequest === null ? [] : [`PostgreSQL ${f1(db)} ms`]),
    `load generator ${f1(login.clientCpuMsPerRequest)} ms`,
  ];
  return (
    `sign-in CPU per request: ${parts.join(" + ")} = ${f1(total)} ms. argon2id's share, ${f0((100 * hashCpuMs) / total)} %, ` +
    `is the most sign-in req/s ÷ argon2id verify/s can reach on these cores with this much work per sign-in.`
  );
}
