import { randomBytes } from "node:crypto";
import type { Account } from "./accounts";
import { table } from "./report";
import { rssMiB } from "./server";

/**
 * The data export (docs/PRIVACY.md "Export"): one patient with 200 records (the most a patient may
 * keep) downloads everything as one zip. Measured: the zip's throughput, and how much the server's
 * resident memory grows while it streams. Files are read one chunk at a time as the client pulls,
 * so growth should stay flat whatever the export's size: the target is under 50 MiB.
 */

export const EXPORT_FILES = 200;
export const EXPORT_RSS_TARGET_MIB = 50;

export type ExportResult = { files: number; fileMiB: number; zipBytes: number; seconds: number; MBps: number; idleRssMiB: number; peakRssMiB: number; growthMiB: number };

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

export async function measureExport(base: string, pid: number, account: Account, fileMiB = 1): Promise<ExportResult> {
  const file = randomBytes(fileMiB * 1024 * 1024);
  file.write("%PDF-1.7\n", 0, "latin1");
  for (let i = 0; i < EXPORT_FILES; i++) await upload(base, account.token, file);
  await reauth(base, account);
  await new Promise((r) => setTimeout(r, 1000));
  const idle = rssMiB(pid);
  let peak = idle;
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 20);
  const t = performance.now();
  let zipBytes = 0;
  try {
    zipBytes = await exportOnce(base, account.token);
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t) / 1000;
  peak = Math.max(peak, rssMiB(pid));
  return { files: EXPORT_FILES, fileMiB, zipBytes, seconds, MBps: zipBytes / 1e6 / seconds, idleRssMiB: idle, peakRssMiB: peak, growthMiB: peak - idle };
}

export function exportTable(r: ExportResult): string {
  return table(
    [`export (${r.files} files of ${r.fileMiB} MiB)`, "value", "target", "met"],
    [
      [`zip of ${(r.zipBytes / 2 ** 20).toFixed(0)} MiB in ${r.seconds.toFixed(1)} s`, `${r.MBps.toFixed(1)} MB/s`, "-", "-"],
      [
        "RSS growth while it streams",
        `${r.growthMiB.toFixed(1)} MiB (${r.idleRssMiB.toFixed(0)} → ${r.peakRssMiB.toFixed(0)})`,
        `< ${EXPORT_RSS_TARGET_MIB} MiB`,
        r.growthMiB < EXPORT_RSS_TARGET_MIB ? "yes" : "NO",
      ],
    ],
  );
}
