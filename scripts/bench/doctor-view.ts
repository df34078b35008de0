import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type Account, BENCH_PASSWORD, createAccounts } from "./accounts";
import { CATEGORIES, type Latency, pdf, TITLES, upload } from "./finding";
import { table } from "./report";
import type { MailCapture } from "./smtp";

/**
 * The doctor's view (GET /api/patients, then GET /api/patients/{id}/records): an approved doctor
 * with 100 sharing patients, each with 2–5 small records, lists the patients and then one patient's
 * records at a time, as the doctor's pages do (each listing also writes to the patient's access
 * log). Everything is made the real way: the doctor signs up and confirms the emailed code, a
 * superadmin made by `npm run create-superadmin` (before the server opens the database) approves
 * the doctor through the admin API, and each patient finds the doctor by name and grants access.
 * Requests are sequential: one doctor's wait, not the server's capacity.
 */

export const PATIENTS = 100;

export type DoctorViewResult = { patients: number; records: number; lists: Latency[] };
export type Admin = { email: string; password: string };

/**
 * Runs scripts/create-superadmin.ts against the server's database, before the server starts (the
 * embedded database allows one process at a time; on a new data folder this pays the initdb the
 * server then skips).
 */
export async function createBenchAdmin(env: Record<string, string>, runId: string, log: (msg: string) => void): Promise<Admin> {
  const admin = { email: `bench-admin-${runId}@example.com`, password: BENCH_PASSWORD };
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, NODE_ENV: "development", LOG_LEVEL: "warn" };
  delete childEnv.NODE_OPTIONS;
  await promisify(execFile)(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/create-superadmin.ts", "--email", admin.email, "--password", admin.password, "--name", "Bench Admin"],
    { env: childEnv },
  );
  log(`doctor: superadmin ${admin.email} made by scripts/create-superadmin.ts`);
  return admin;
}

export async function call(base: string, method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Signed up, confirmed with the emailed code, approved by the admin, signed in again: a Bearer token. */
export async function approvedDoctor(base: string, mail: MailCapture, runId: string, admin: Admin) {
  const email = `bench-doctor-${runId}@example.com`;
  const name = `Dr Bench ${runId}`;
  await call(base, "POST", "/api/auth/signup-doctor", null, { name, email, password: BENCH_PASSWORD, specialty: "General practice", licenseNumber: `BENCH-${runId}` });
  const verified = await call(base, "POST", "/api/auth/verify-otp", null, { email, code: await mail.codeFor(email) });
  const id = (verified.user as { id: string }).id;
  const adminToken = (await call(base, "POST", "/api/auth/login", null, admin)).token as string;
  await call(base, "PATCH", `/api/users/${id}`, adminToken, { approval: "approved" });
  const token = (await call(base, "POST", "/api/auth/login", null, { email, password: BENCH_PASSWORD })).token as string;
  return { name, token };
}

/** `fn` over `items`, `concurrency` at a time (uploads and grants are small; a few in flight fill the cores). */
async function pool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** Patient p: 2–5 records of 2 KiB, titles and categories as in the one-patient seed, dates over six years. */
async function seedAndGrant(base: string, patient: Account, p: number, doctorName: string) {
  const count = 2 + (p % 4);
  for (let j = 0; j < count; j++) {
    const i = p * 5 + j;
    const date = `${2020 + (i % 6)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`;
    await upload(base, patient.token, pdf(2048), { title: `${TITLES[i % TITLES.length]} ${i}`, category: CATEGORIES[i % CATEGORIES.length]!, documentDate: date });
  }
  const found = (await call(base, "GET", `/api/doctors?q=${encodeURIComponent(doctorName)}`, patient.token)).doctors as { id: string }[];
  if (found.length !== 1) throw new Error(`doctor search "${doctorName}": ${found.length} results`);
  await call(base, "POST", "/api/grants", patient.token, { doctorId: found[0]!.id });
  return count;
}

/** `n` sequential GETs cycling through `paths`; `key` is the list in the answer, its mean length is "shown". */
async function latency(base: string, token: string, name: string, paths: string[], key: string, n: number): Promise<Latency> {
  const times: number[] = [];
  let shown = 0;
  for (let i = 0; i < n; i++) {
    const path = paths[i % paths.length]!;
    const t = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as Record<string, unknown[] | undefined>;
    times.push(performance.now() - t);
    if (res.status !== 200 || !body[key]) throw new Error(`${name} (${path}): ${res.status}`);
    shown += body[key].length;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { name, p50: at(0.5), p99: at(0.99), n, shown: shown / n };
}

/**
 * The patients are the last 100 accounts (the records and finding parts use the first six); with
 * fewer accounts it signs up 100 of its own, `createAccounts`' few at a time.
 */
export async function measureDoctorView(base: string, mail: MailCapture, runId: string, admin: Admin, accounts: Account[], log: (msg: string) => void, requests = 200): Promise<DoctorViewResult> {
  const started = performance.now();
  const patients = accounts.length >= 6 + PATIENTS ? accounts.slice(-PATIENTS) : await createAccounts(base, mail, `${runId}p`, PATIENTS);
  log(`doctor: an approved doctor, ${PATIENTS} patients uploading 2–5 records each and granting access …`);
  const doctor = await approvedDoctor(base, mail, runId, admin);
  let records = 0;
  await pool(patients, 4, async (patient, p) => {
    const made = await seedAndGrant(base, patient, p, doctor.name);
    records += made;
  });
  log(`doctor: ${records} records and ${patients.length} grants in ${((performance.now() - started) / 1000).toFixed(1)} s; list/search latency …`);

  const list = (await call(base, "GET", "/api/patients", doctor.token)).patients as { id: string }[];
  if (list.length !== patients.length) throw new Error(`GET /api/patients: ${list.length} patients, expected ${patients.length}`);
  // 20 patients spread over the list (every fifth, in list order), each asked in turn.
  const spread = list.filter((_, i) => i % Math.max(1, Math.floor(list.length / 20)) === 0).map((p) => `/api/patients/${p.id}/records`);
  const lists = [
    await latency(base, doctor.token, `GET /api/patients (${list.length} patients)`, ["/api/patients"], "patients", requests),
    await latency(base, doctor.token, `one patient's records, ${spread.length} patients in turn`, spread, "records", requests),
    await latency(base, doctor.token, "  … ?q=echographie", spread.map((p) => `${p}?q=echographie`), "records", requests),
    await latency(base, doctor.token, "  … ?category=lab&from=2022-01-01&to=2023-12-31", spread.map((p) => `${p}?category=lab&from=2022-01-01&to=2023-12-31`), "records", requests),
  ];
  return { patients: list.length, records, lists };
}

export function doctorViewTable(r: DoctorViewResult): string {
  return table(
    [`doctor's view (${r.patients} patients, ${r.records} records)`, "shown (mean)", "p50 ms", "p99 ms", "requests"],
    r.lists.map((l) => [l.name, l.shown.toFixed(1), l.p50.toFixed(1), l.p99.toFixed(1), String(l.n)]),
  );
}
