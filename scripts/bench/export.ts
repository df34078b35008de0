import { randomBytes } from "node:crypto";
import type { Account } from "./accounts";
import { table, verdict } from "./report";
import { cpuMs, databaseCpuMs, databaseCpuSince, rssMiB, settle } from "./server";

/**
 * The data export (docs/PRIVACY.md "Export"): one patient with 200 records (the most a patient may
 * keep) downloads everything as one zip, 500 MB by default (`--export-mb`). Measured: the zip's
 * throughput, and how much the server's resident memory grows while it streams. Files are read a
 * few chunks ahead of the client at most, so growth should stay flat whatever the export's size.
 */

export const EXPORT_FILES = 200;
export const EXPORT_RSS_TARGET_MIB = 50;
/** The target is PostgreSQL's (docs/PERFORMANCE.md "Data export"); PGlite prints it for comparison. */
export const EXPORT_MBPS_TARGET = 100;

export type ExportResult = {
  files: number;
  fileBytes: number;
  zipBytes: number;
  seconds: number;
  MBps: number;
  /** CPU per MB sent, steadier than MB/s on shared cores: the server's, and PostgreSQL's (null on PGlite). */
  serverCpuMsPerMB: number;
  dbCpuMsPerMB: number | null;
  idleRssMiB: number;
  peakRssMiB: number;
  growthMiB: number;
};

async function upload(base: string, token: string, bytes: Buffer): Promise<void> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "scan.pdf");
  const res = await fetch(`${base}/api/records`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
}

/** Downloads the export as a slow-enough client would: reading, counting, keeping nothing. */
async function exportOnce(base: string, token: string): Promise<number> {
  const res = await fetch(`${base}/api/account/export`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
  let n = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) n += chunk.byteLength;
  if (String(n) !== res.headers.get("content-length")) throw new Error(`export: ${n} bytes, Content-Length ${res.headers.get("content-length")}`);
  return n;
}

async function reauth(base: string, account: Account): Promise<void> {
  const res = await fetch(`${base}/api/auth/reauth`, {
    method: "POST",
    headers: { authorization: `Bearer ${account.token}`, "content-type": "application/json" },
    body: JSON.stringify({ password: account.password }),
  });
  if (res.status !== 200) throw new Error(`reauth: ${res.status} ${await res.text()}`);
}

export async function measureExport(base: string, pid: number, account: Account, totalMB = 500): Promise<ExportResult> {
  const fileBytes = Math.round((totalMB * 1e6) / EXPORT_FILES);
  const file = randomBytes(fileBytes);
  file.write("%PDF-1.7\n", 0, "latin1");
  // Four uploads in flight: seeding 500 MB one file at a time would take longer than the rest of the run.
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < EXPORT_FILES) {
        next++;
        await upload(base, account.token, file);
      }
    }),
  );
  await reauth(base, account);
  await settle(pid); // the uploads' previews are made in the background: not part of the export
  const idle = rssMiB(pid);
  let peak = idle;
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 20);
  const t = performance.now();
  const cpuBefore = cpuMs(pid);
  const dbBefore = databaseCpuMs();
  let zipBytes = 0;
  try {
    zipBytes = await exportOnce(base, account.token);
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t) / 1000;
  const MB = zipBytes / 1e6;
  const serverCpuMsPerMB = (cpuMs(pid) - cpuBefore) / MB;
  const db = databaseCpuSince(dbBefore);
  peak = Math.max(peak, rssMiB(pid));
  return { files: EXPORT_FILES, fileBytes, zipBytes, seconds, MBps: MB / seconds, serverCpuMsPerMB, dbCpuMsPerMB: db === null ? null : db / MB, idleRssMiB: idle, peakRssMiB: peak, growthMiB: peak - idle };
}

export function exportTable(r: ExportResult): string {
  return table(
    [`export (${r.files} files of ${(r.fileBytes / 1e6).toFixed(2)} MB)`, "value", "target", "met"],
    [
      [`zip of ${(r.zipBytes / 1e6).toFixed(0)} MB in ${r.seconds.toFixed(1)} s`, `${r.MBps.toFixed(1)} MB/s`, `>= ${EXPORT_MBPS_TARGET} MB/s`, verdict(r.MBps >= EXPORT_MBPS_TARGET)],
      [`CPU per MB: server${r.dbCpuMsPerMB === null ? "" : " + PostgreSQL"}`, `${r.serverCpuMsPerMB.toFixed(2)}${r.dbCpuMsPerMB === null ? "" : ` + ${r.dbCpuMsPerMB.toFixed(2)}`} ms`, "-", "-"],
      [
        "RSS growth while it streams",
        `${r.growthMiB.toFixed(1)} MiB (${r.idleRssMiB.toFixed(0)} → ${r.peakRssMiB.toFixed(0)})`,
        `< ${EXPORT_RSS_TARGET_MIB} MiB`,
        verdict(r.growthMiB < EXPORT_RSS_TARGET_MIB),
      ],
    ],
  );
}
