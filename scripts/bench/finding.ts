import { randomBytes } from "node:crypto";
import type { Account } from "./accounts";
import { table } from "./report";

/**
 * Finding records (docs/RECORDS.md "Finding records", "Virus scanning"): list and search latency for
 * a patient with 200 records (the per-patient limit), and upload throughput of 1 MiB files with and
 * without a virus scanner in the path. Requests are sequential: this measures one patient's wait,
 * not the server's capacity.
 */

const RECORDS = 200;
const FILE_BYTES = 1024 * 1024;
export const TITLES = ["Échographie abdominale", "Blood test", "Prescription Dr Karim", "تحليل الدم", "Vaccination card", "Letter from cardiology"];
export const CATEGORIES = ["imaging", "lab", "prescription", "lab", "vaccination", "letter"];

export type Latency = { name: string; p50: number; p99: number; n: number; shown: number };
export type Throughput = { files: number; seconds: number; mbPerSecond: number };
export type FindingResult = { lists: Latency[]; uploadOff: Throughput; uploadOn: Throughput | string | null };

export const pdf = (size: number) => {
  const bytes = randomBytes(size);
  bytes.write("%PDF-1.7\n", 0, "latin1");
  return bytes;
};

export async function upload(base: string, token: string, bytes: Buffer, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "scan.pdf");
  const res = await fetch(`${base}/api/records`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
}

/** 200 small records over six years, six kinds of title, for one patient. */
async function seed(base: string, token: string) {
  for (let i = 0; i < RECORDS; i++) {
    const year = 2020 + (i % 6);
    const date = `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`;
    await upload(base, token, pdf(2048), { title: `${TITLES[i % TITLES.length]} ${i}`, category: CATEGORIES[i % CATEGORIES.length]!, documentDate: i % 5 === 0 ? "" : date });
  }
}

async function latency(base: string, token: string, name: string, query: string, n: number): Promise<Latency> {
  const times: number[] = [];
  let shown = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/records${query}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { records?: unknown[] };
    times.push(performance.now() - t);
    if (res.status !== 200 || !body.records) throw new Error(`${name}: ${res.status}`);
    shown = body.records.length;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { name, p50: at(0.5), p99: at(0.99), n, shown };
}

export async function uploadThroughput(base: string, token: string, files = 20): Promise<Throughput> {
  const bytes = pdf(FILE_BYTES);
  await upload(base, token, bytes, {}); // warm-up
  const t = performance.now();
  for (let i = 0; i < files; i++) await upload(base, token, bytes, {});
  const seconds = (performance.now() - t) / 1000;
  return { files, seconds, mbPerSecond: (files * FILE_BYTES) / 1e6 / seconds };
}

/** `patient` gets the 200 records; `uploader` the throughput uploads (it must stay under the limit). */
export async function measureFinding(base: string, patient: Account, uploader: Account, requests = 200) {
  await seed(base, patient.token);
  const lists = [
    await latency(base, patient.token, "list, all 200", "", requests),
    await latency(base, patient.token, "search q=echographie", "?q=echographie", requests),
    await latency(base, patient.token, "search q=الدم (Arabic)", `?q=${encodeURIComponent("الدم")}`, requests),
    await latency(base, patient.token, "category=lab, 2022-01-01…2023-12-31", "?category=lab&from=2022-01-01&to=2023-12-31", requests),
  ];
  return { lists, uploadOff: await uploadThroughput(base, uploader.token) };
}

export function findingTable(r: FindingResult): string {
  const upload = (t: Throughput) => `${t.mbPerSecond.toFixed(1)} MB/s (${t.files} files in ${t.seconds.toFixed(1)} s)`;
  return [
    table(
      ["finding records (one patient, 200 records)", "records shown", "p50 ms", "p99 ms", "requests"],
      r.lists.map((l) => [l.name, String(l.shown), l.p50.toFixed(1), l.p99.toFixed(1), String(l.n)]),
    ),
    "",
    table(
      ["uploads of 1 MiB, one after another", "throughput"],
      [
        ["scanning off (CLAMD_URL unset)", upload(r.uploadOff)],
        ["scanning on (a local clamd, INSTREAM)", typeof r.uploadOn === "string" ? r.uploadOn : r.uploadOn ? upload(r.uploadOn) : "not measured"],
      ],
    ),
  ].join("\n");
}
