import { randomBytes } from "node:crypto";
import type { Account } from "./accounts";
import { table, verdict } from "./report";
import { rssMiB, settle } from "./server";

/**
 * Health-record transfers (docs/PERFORMANCE.md "Uploads and downloads"): upload and download speed of 10 MiB files through the real
 * API (multipart in, streamed attachment out), and how much the server's resident memory grows
 * while four patients upload 10 MiB at once. Uploads and downloads stream chunk by chunk, so the
 * growth should stay flat whatever the file size: the target is under 30 MiB.
 */

const FILE_BYTES = 10 * 1024 * 1024;
const PARALLEL = 4;
export const RSS_TARGET_MIB = 30;

export type RecordsResult = {
  files: number;
  uploadMBps: number;
  downloadMBps: number;
  idleRssMiB: number;
  peakRssMiB: number;
  growthMiB: number;
  parallelSeconds: number;
};

/** A 10 MiB "PDF": the magic the server checks, then incompressible bytes (like a scan). */
function fileBytes(): Buffer {
  const bytes = randomBytes(FILE_BYTES);
  bytes.write("%PDF-1.7\n", 0, "latin1");
  return bytes;
}

async function upload(base: string, token: string, bytes: Buffer): Promise<string> {
  const form = new FormData();
  form.append("title", "Benchmark scan");
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "scan.pdf");
  const res = await fetch(`${base}/api/records`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await res.json()) as { record?: { id: string; size: number } };
  if (res.status !== 201 || body.record?.size !== bytes.length) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
  return body.record.id;
}

async function download(base: string, token: string, id: string): Promise<number> {
  const res = await fetch(`${base}/api/records/${id}/file`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`download: ${res.status}`);
  let n = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) n += chunk.byteLength;
  if (n !== FILE_BYTES || res.headers.get("content-length") !== String(FILE_BYTES)) throw new Error(`download: ${n} bytes, Content-Length ${res.headers.get("content-length")}`);
  return n;
}

/** Samples the server's RSS every 20 ms while `work` runs; returns the highest sample. */
async function peakRssDuring(pid: number, work: () => Promise<unknown>): Promise<number> {
  let peak = rssMiB(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, rssMiB(pid));
}

export async function measureRecords(base: string, pid: number, accounts: Account[], rounds = 3): Promise<RecordsResult> {
  if (accounts.length < PARALLEL) throw new Error(`records benchmark needs ${PARALLEL} accounts`);
  const file = fileBytes();
  const [first] = accounts as [Account];

  // Warm-up (not reported): loads the routes and lets every code path run once, in both directions.
  await download(base, first.token, await upload(base, first.token, file));

  let t = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < rounds; i++) ids.push(await upload(base, first.token, file));
  const uploadSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  for (const id of ids) await download(base, first.token, id);
  const downloadSeconds = (performance.now() - t) / 1000;

  // Memory: a settled baseline (the previews of the uploads above are made), then four 10 MiB
  // uploads at once, twice over.
  await settle(pid);
  const idle = rssMiB(pid);
  t = performance.now();
  const peak = await peakRssDuring(pid, async () => {
    for (let round = 0; round < 2; round++) {
      await Promise.all(accounts.slice(0, PARALLEL).map((a) => upload(base, a.token, file)));
    }
  });
  const parallelSeconds = (performance.now() - t) / 1000;

  const mb = (rounds * FILE_BYTES) / 1e6;
  return {
    files: rounds,
    uploadMBps: mb / uploadSeconds,
    downloadMBps: mb / downloadSeconds,
    idleRssMiB: idle,
    peakRssMiB: peak,
    growthMiB: peak - idle,
    parallelSeconds,
  };
}

export function recordsTable(r: RecordsResult): string {
  return table(
    ["records (10 MiB files)", "value", "target", "met"],
    [
      [`upload, ${r.files} in a row`, `${r.uploadMBps.toFixed(1)} MB/s`, "-", "-"],
      [`download, ${r.files} in a row`, `${r.downloadMBps.toFixed(1)} MB/s`, "-", "-"],
      [
        `RSS growth, ${PARALLEL} uploads at once ×2 (${r.parallelSeconds.toFixed(1)} s)`,
        `${r.growthMiB.toFixed(1)} MiB (${r.idleRssMiB.toFixed(0)} → ${r.peakRssMiB.toFixed(0)})`,
        `< ${RSS_TARGET_MIB} MiB`,
        verdict(r.growthMiB < RSS_TARGET_MIB),
      ],
    ],
  );
}
