import { type Account, createAccounts } from "./accounts";
import { type Admin, approvedDoctor, call } from "./doctor-view";
import { CATEGORIES, pdf, TITLES, upload } from "./finding";
import type { Row } from "./report";
import type { Scenario } from "./scenarios";
import type { MailCapture } from "./smtp";

/**
 * Signed-in reads against a floor (docs/PERFORMANCE.md "Authenticated reads"). The floor is a route
 * handler of the same built app that touches no database: the `/api` catch-all's 404
 * (app/api/[...path]/route.ts) — Next.js's routing, our error body and the server entry, nothing
 * else. Each read's req/s ÷ the floor's is the share of the framework's speed our code keeps: what
 * it spends on the token, the session query, its own query and the JSON is the rest.
 */

export const FLOOR_PATH = "/api/bench-floor";
/** `GET /api/users/me` is one prepared statement past the floor; every other read is a list. */
export const READ_TARGETS = { me: 0.75, list: 0.5 } as const;
/** Records the list shows, and patients sharing with the doctor: small pages, as the UI asks. */
const LIST_RECORDS = 20;
const LIST_PATIENTS = 20;

/** A rotating cursor shared by all connections, so consecutive requests use different accounts. */
function rotating<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

const get = (name: string, path: string, tokens: string[], expect?: number): Scenario => {
  const next = rotating(tokens);
  return {
    name,
    expect,
    read: expect === undefined,
    requests: [
      tokens.length
        ? { method: "GET", path, setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${next()}` } }) }
        : { method: "GET", path },
    ],
  };
};

export const floor = (again = false): Scenario => get(`floor: GET /api/… 404 (no database)${again ? ", again" : ""}`, FLOOR_PATH, [], 404);

/**
 * The reads and what they need, made through the API: a patient with LIST_RECORDS records, an
 * approved doctor whom LIST_PATIENTS of the accounts share with, and the superadmin's token for the
 * audit trail. `admin` is null when the run made no superadmin: the doctor and audit rows are skipped.
 */
export async function readScenarios(base: string, mail: MailCapture, runId: string, admin: Admin | null, accounts: Account[]): Promise<Scenario[]> {
  const [reader] = await createAccounts(base, mail, `${runId}r`, 1);
  // With --accounts 0 the reader is the only caller (and the doctor's only patient).
  const callers = accounts.length ? accounts : [reader!];
  const tokens = callers.map((a) => a.token);
  for (let i = 0; i < LIST_RECORDS; i++) {
    await upload(base, reader!.token, pdf(2048), { title: `${TITLES[i % TITLES.length]} ${i}`, category: CATEGORIES[i % CATEGORIES.length]! });
  }
  const reads = [
    get("GET /api/users/me", "/api/users/me", tokens),
    get("GET /api/auth/sessions", "/api/auth/sessions", tokens),
    get(`GET /api/records (${LIST_RECORDS} records)`, "/api/records", [reader!.token]),
  ];
  if (!admin) return reads;
  // `r` first: the doctor's view searches its own doctor by name, which must not match this one.
  const doctor = await approvedDoctor(base, mail, `r${runId}`, admin);
  for (const patient of callers.slice(0, LIST_PATIENTS)) {
    const found = (await call(base, "GET", `/api/doctors?q=${encodeURIComponent(doctor.name)}`, patient.token)).doctors as { id: string }[];
    await call(base, "POST", "/api/grants", patient.token, { doctorId: found[0]!.id });
  }
  const adminToken = (await call(base, "POST", "/api/auth/login", null, admin)).token as string;
  return [
    ...reads,
    get(`GET /api/patients (${Math.min(LIST_PATIENTS, callers.length)} patients)`, "/api/patients", [doctor.token]),
    get("GET /api/audit (a page of 50)", "/api/audit?limit=50", [adminToken]),
  ];
}

export type ReadRatio = { name: string; okPerSecond: number; p99: number; ratio: number; target: number };

/**
 * Every read beside the floor: null when the floor did not run (`--only` without it). The floor is
 * measured before and after the reads, and the faster of the two counts: on shared cores a burst of
 * someone else's work would otherwise lower the floor and flatter every ratio.
 */
export function readRatios(rows: Row[]): { floor: Row; reads: ReadRatio[] } | null {
  const floorRow = rows.filter((r) => r.name.startsWith("floor")).sort((a, b) => b.okPerSecond - a.okPerSecond)[0];
  if (!floorRow) return null;
  const reads = rows
    .filter((r) => r.read)
    .map((r) => ({
      name: r.name,
      okPerSecond: r.okPerSecond,
      p99: r.p99,
      ratio: r.okPerSecond / floorRow.okPerSecond,
      target: r.name.includes("users/me") ? READ_TARGETS.me : READ_TARGETS.list,
    }));
  return { floor: floorRow, reads };
}
