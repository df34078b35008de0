import { randomBytes } from "node:crypto";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/passwords";
import { type Account, BENCH_PASSWORD } from "./accounts";
import { measureQuery, prng, type QueryResult, type QueryScenario } from "./latency";
import { table } from "./report";
import { ADMIN_EMAIL, createDatabase, dropDatabase, emailOf, emailPrefixOf, FIRST_NAMES, isSignInPatient, migrateDatabase, seed, type Sizes, surnameOf } from "./scale-seed";
import { explainAndRetention, scaleId } from "./scale-explain";
import { run, signIn } from "./scenarios";
import { startServer, stopAll } from "./server";

/**
 * `npm run bench -- --scale`: the same server against a PostgreSQL database with a
 * million accounts, a hundred thousand doctors, ten million audit events and a million sessions,
 * seeded with SQL in a database of its own that is dropped at the end. Sign-in is measured on an
 * empty database first, in the same run, so the two are comparable. Then admin search, list
 * filters with paging, audit pages (by user, by day, keyset cursor), and the retention job, whose
 * statements — and those of one query of each kind — are EXPLAINed (ANALYZE, BUFFERS) into a file.
 */
export const FULL: Sizes = { users: 1_000_000, events: 10_000_000, sessions: 1_000_000 };

type Options = {
  adminUrl: string;
  distDir: string;
  sizes: Sizes;
  seconds: number;
  warmup: number;
  clients: number;
  log: (m: string) => void;
  /** Leave the big database in place afterwards / measure an existing one instead of seeding. */
  keep?: boolean;
  reuse?: string;
};

const load = () => loadavg()[0]!.toFixed(1);

export async function runScale(o: Options): Promise<void> {
  const id = `${process.pid}_${randomBytes(2).toString("hex")}`;
  const names = { empty: `caregate_scale_empty_${id}`, big: o.reuse ?? `caregate_scale_${id}` };
  const explainFile = path.join(tmpdir(), `caregate-scale-explain-${id}.txt`);
  const hash = await hashPassword(BENCH_PASSWORD);
  const env = (url: string) => ({
    NEXT_DIST_DIR: o.distDir,
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    MAIL_OUTBOX: "1",
    TRUST_PROXY: "",
    LOG_LEVEL: "warn",
    IP_LIMIT_PER_MINUTE: "100000000",
    IP_LIMIT_PER_HOUR: "100000000",
  });
  const N = o.sizes.users;
  // Verified, active patients spread over the whole table, so sign-ins touch cold and warm pages alike.
  const signInAccounts = (total: number): Account[] => {
    const step = Math.max(1, Math.floor(total / 200));
    const picked: Account[] = [];
    for (let n = 1; n <= total && picked.length < 200; n += step) {
      if (isSignInPatient(n, total)) picked.push({ email: emailOf(n), password: BENCH_PASSWORD, token: "" });
    }
    return picked;
  };
  const signInRows: { label: string; r: Awaited<ReturnType<typeof run>>; load: string }[] = [];

  try {
    // 1. Sign-in on an (almost) empty database: just the 200 accounts that sign in.
    o.log(`empty database ${names.empty}: migrate, seed 250 accounts …`);
    const emptyUrl = await createDatabase(o.adminUrl, names.empty);
    await migrateDatabase(emptyUrl);
    await seed(emptyUrl, { users: 250, events: 0, sessions: 0 }, hash, () => {});
    let server = await startServer(env(emptyUrl));
    signInRows.push({ label: "empty", r: await run(server.url, server.pid, signIn(signInAccounts(250)), o.seconds, o.warmup), load: load() });
    await stopAll();
    await dropDatabase(o.adminUrl, names.empty);

    // 2. The big database.
    o.log(`seeding ${names.big}: ${N.toLocaleString("en")} accounts, ${o.sizes.events.toLocaleString("en")} audit events, ${o.sizes.sessions.toLocaleString("en")} sessions (load ${load()}) …`);
    const t0 = performance.now();
    let bigUrl: string;
    if (o.reuse) {
      // An earlier --scale-keep database: only the new migrations run (e.g. indexes to compare).
      bigUrl = Object.assign(new URL(o.adminUrl), { pathname: `/${o.reuse}` }).toString();
      await migrateDatabase(bigUrl);
      await pgExec(bigUrl, "vacuum analyze");
    } else {
      bigUrl = await createDatabase(o.adminUrl, names.big);
      await migrateDatabase(bigUrl);
      await seed(bigUrl, o.sizes, hash, o.log);
    }
    const seedSeconds = (performance.now() - t0) / 1000;
    o.log(`seeded in ${seedSeconds.toFixed(0)} s (load ${load()})`);
    await printSizes(bigUrl, o.log);

    server = await startServer(env(bigUrl));
    const token = await adminToken(server.url);
    const queries: QueryResult[] = [];
    const loads: string[] = [];
    for (const scenario of queryScenarios(N, o.sizes.events)) {
      const r = await measureQuery(server.url, token, scenario, o.seconds, o.clients, o.warmup);
      queries.push(r);
      loads.push(load());
      o.log(`${r.name}: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.perSecond.toFixed(0)}/s${r.failed ? `, ${r.failed} FAILED` : ""} (load ${load()})`);
    }
    // Sign-in last: right after seeding, PostgreSQL's checkpointer is still writing the fresh
    // gigabytes out, and commits (every sign-in writes three rows) wait behind it — a first run
    // measured p99 1.2 s where the same database minutes later gave the empty database's figure.
    signInRows.push({ label: "scale", r: await run(server.url, server.pid, signIn(signInAccounts(N)), o.seconds, o.warmup), load: load() });
    await stopAll();

    // 3. In this process, against the same database: the retention job, and the plans.
    const inProcess = await explainAndRetention(bigUrl, N, explainFile, o.log);

    console.log(`\nscale run: ${N.toLocaleString("en")} accounts, ${o.sizes.events.toLocaleString("en")} audit events, ${o.sizes.sessions.toLocaleString("en")} sessions; seeded in ${seedSeconds.toFixed(0)} s\n`);
    const [empty, big] = signInRows;
    console.log(
      table(
        ["sign-in (POST /api/auth/login, 8 conns)", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "non-2xx", "load"],
        signInRows.map(({ label, r, load: l }) => [
          `${label === "empty" ? "empty database" : `${N.toLocaleString("en")} accounts`}`,
          r.okPerSecond.toFixed(1),
          r.p50.toFixed(1),
          r.p99.toFixed(1),
          r.cpuMsPerRequest.toFixed(2),
          String(r.non2xx + r.errors),
          l,
        ]),
      ),
    );
    if (empty && big) {
      const p99 = big.r.p99 / empty.r.p99 - 1;
      console.log(`sign-in at scale vs empty: p99 ${p99 >= 0 ? "+" : ""}${(p99 * 100).toFixed(0)} % (target within 10 %: ${p99 <= 0.1 ? "met" : "NOT met"}), throughput ${((big.r.okPerSecond / empty.r.okPerSecond) * 100).toFixed(0)} %`);
    }
    console.log("");
    console.log(
      table(
        [`admin reads (${o.clients} clients)`, "matches", "req/s", "p50 ms", "p99 ms", "max ms", "failed", "p99 < 50", "load"],
        queries.map((r, i) => [r.name, r.matches, r.perSecond.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), r.max.toFixed(0), String(r.failed), r.p99 < 50 ? "yes" : "NO", loads[i]!]),
      ),
    );
    console.log("");
    console.log(
      table(
        ["retention job (lib/ops/retention.ts)", "ms", "deleted"],
        inProcess.retention.map((r) => [r.label, r.ms.toFixed(0), r.deleted]),
      ),
    );
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of one query of each kind and of the retention job: ${explainFile}`);
  } finally {
    await stopAll();
    if (o.keep || o.reuse) o.log(`kept database ${names.big} (--scale-reuse ${names.big} measures it again; drop it when done)`);
    const drop = o.keep || o.reuse ? [names.empty] : [names.empty, names.big];
    for (const name of drop) await dropDatabase(o.adminUrl, name).catch((e) => o.log(`could not drop ${name}: ${e}`));
  }
}

async function pgExec(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function printSizes(url: string, log: (m: string) => void) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query(
    `select relname, pg_size_pretty(pg_total_relation_size(oid)) as total, pg_size_pretty(pg_indexes_size(oid)) as indexes
       from pg_class where relname in ('users','doctor_profiles','sessions','security_events') order by pg_total_relation_size(oid) desc`,
  );
  await c.end();
  log(`sizes: ${rows.map((r) => `${r.relname} ${r.total} (indexes ${r.indexes})`).join(", ")}`);
}

async function adminToken(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: BENCH_PASSWORD }),
  });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 200 || !body.token) throw new Error(`admin sign-in: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** The reads an administrator makes, each with its own spread of inputs (deterministic). */
function queryScenarios(N: number, E: number): QueryScenario[] {
  const rnd = prng(14);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const users = (params: Record<string, string | number>) => `/api/users?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;
  // Days the audit table covers (events 3 s apart, the newest now).
  const days = Math.max(1, Math.floor((E * 3) / 86_400));
  const day = () => new Date(Date.now() - int(1, days) * 86_400_000).toISOString().slice(0, 10);
  const nextAudit = (body: Record<string, unknown>, p: string) => {
    const cursor = body.nextCursor;
    if (typeof cursor !== "string") return null;
    const u = new URL(p, "http://x");
    u.searchParams.set("cursor", cursor);
    return `${u.pathname}?${u.searchParams}`;
  };
  return [
    // first.surname and two digits, e.g. "sofia.belarton12": ≈ 5–60 accounts
    { name: "search: email prefix (first.surnameNN)", start: () => users({ q: emailPrefixOf(int(1, N)) }) },
    { name: "search: surname fragment", start: () => users({ q: surnameOf(int(1, N)).slice(1) }) },
    { name: "search: first name (common)", start: () => users({ q: FIRST_NAMES[int(0, FIRST_NAMES.length - 1)]! }) },
    { name: "search: no match", start: () => users({ q: `zq${int(100, 999)}x` }) },
    { name: "list: all, pages 1–50", start: () => users({ page: int(1, 50) }) },
    { name: "list: role=doctor, pages 1–50", start: () => users({ role: "doctor", page: int(1, 50) }) },
    { name: "list: status=suspended, pages 1–50", start: () => users({ status: "suspended", page: int(1, 50) }) },
    { name: "list: approval=pending, pages 1–50", start: () => users({ approval: "pending", page: int(1, 50) }) },
    { name: "list: role=patient + q (first name)", start: () => users({ role: "patient", q: FIRST_NAMES[int(0, FIRST_NAMES.length - 1)]! }) },
    { name: "audit: by user, 5 per page, cursor ×3", start: () => `/api/audit?userId=${scaleId(int(1, N))}&limit=5`, follow: nextAudit, pages: 3 },
    { name: "audit: one day, cursor ×5", start: () => {
        const d = day();
        return `/api/audit?from=${d}&to=${d}`;
      },
      follow: nextAudit, pages: 5 },
    { name: "audit: newest, cursor ×5", start: () => "/api/audit", follow: nextAudit, pages: 5 },
    { name: "audit: signin_failed, cursor ×5", start: () => "/api/audit?event=signin_failed", follow: nextAudit, pages: 5 },
  ];
}

/** md5('cg-scale-' || n)::uuid, as the seed writes it. */
