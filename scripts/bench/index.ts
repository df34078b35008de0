/**
 * `npm run bench`: builds into .next-bench, measures the argon2id limit, starts the
 * production server on a fresh database with a real SMTP capture, makes its own verified accounts
 * through the API and drives its scenarios with autocannon. Prints its tables, then every figure
 * with a target as met / NOT met (./targets.ts); exits non-zero only when the benchmark itself
 * breaks, never on a missed target. See docs/PERFORMANCE.md.
 *
 *   npm run bench                       PGlite in a fresh temp DATA_DIR
 *   DATABASE_URL=postgres://… npm run bench   the same against PostgreSQL (accounts get per-run emails)
 *   npm run bench -- --no-build --seconds 5 --only login --connections 1 --cpu-prof
 *                                       reuse .next-bench, shorter runs, one scenario, profile the server
 *   npm run bench -- --only reads --accounts 24
 *                                       only the no-database floor and the signed-in reads, as ratios to it
 *   npm run bench -- --only records --accounts 4
 *                                       only the health-record uploads/downloads and their memory
 *   npm run bench -- --only finding --accounts 6
 *                                       only list/search latency at 200 records and uploads with scanning on/off
 *   npm run bench -- --only export --accounts 1   the data export of 200 records and its memory
 *   npm run bench -- --only doctor --accounts 0   a doctor with 100 sharing patients: list/search latency
 *   npm run bench -- --only page --accounts 0     the sign-up page in English and in Arabic
 *   DATABASE_URL=postgres://… npm run bench -- --scale
 *                                       a million accounts, ten million audit events: sign-in
 *                                       against the empty database, admin search and audit pages, retention
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { createAccounts } from "./accounts";
import { measureHashLimit } from "./hash-limit";
import { hashLine, type Row, scenarioTable, signInBudget } from "./report";
import { build, rssMiB, settle, startServer, stopAll } from "./server";
import { type MailCapture, startMailCapture } from "./smtp";
import { measureMailQueue, type MailResult } from "./mail";
import { measureRecords, type RecordsResult, recordsTable } from "./records";
import { type FindingResult, findingTable, measureFinding, uploadThroughput } from "./finding";
import { startClamd } from "../../tests/helpers/clamd";
import { type ExportResult, exportTable, measureExport } from "./export";
import { createBenchAdmin, doctorViewTable, measureDoctorView } from "./doctor-view";
import { benchArgs } from "./args";
import { runScale } from "./scale";
import { health, run, type Scenario, signIn, signUp, stopScenarios } from "./scenarios";
import { floor, readRatios, readScenarios } from "./reads";
import { arabicPageRatio, pageScenarios } from "./pages";
import { collectTargets, targetsTable } from "./targets";

const DIST_DIR = ".next-bench";
const SIGN_IN_TARGET = 0.75; // of the argon2id limit, both engines; what the cores allow: docs/PERFORMANCE.md "Sign-in"

/**
 * Throttles raised through configuration (lib/config.ts) — every request comes from 127.0.0.1, so
 * the shared per-IP bucket (30/min) would otherwise turn the run into a 429 benchmark. The counters
 * are still written on every request, exactly as in production. Per-account sign-in and resend
 * limits stay at their defaults: each account signs in far less often than they allow, and every
 * signup uses a new email.
 */
const RAISED = { IP_LIMIT_PER_MINUTE: "100000000", IP_LIMIT_PER_HOUR: "100000000" };

const args = benchArgs();
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const accountCount = Number(args.accounts);

const started = performance.now();
const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
const log = (msg: string) => console.log(`[bench ${elapsed().padStart(5)} s] ${msg}`);

let mail: MailCapture | undefined;
let dataDir: string | undefined;
let serverLogs: string[] = [];

async function cleanUp() {
  stopScenarios();
  await stopAll();
  await mail?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n[bench] ${signal}: stopping the server and load`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** Other processes on the same cores make every figure lower; say so rather than hide it. */
function warnIfBusy(when: string) {
  const load = loadavg()[0]!;
  if (load > availableParallelism() / 2) {
    console.log(`WARNING (${when}): 1-min load average is ${load.toFixed(1)} on ${availableParallelism()} cores — other processes compete for the CPU; figures will be low and noisy.`);
  }
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL || "";
  const dbLabel = databaseUrl ? `PostgreSQL (${new URL(databaseUrl).host}${new URL(databaseUrl).pathname})` : "PGlite (embedded, fresh temp DATA_DIR)";
  console.log(`CareGate benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`);
  console.log(`database: ${dbLabel}`);
  warnIfBusy("at start");

  if (args["no-build"]) log(`--no-build: reusing ${DIST_DIR}`);
  else {
    log(`next build → ${DIST_DIR} …`);
    await build(DIST_DIR);
    log("build done");
  }

  if (args.scale) {
    if (!databaseUrl) throw new Error("--scale needs a PostgreSQL server: DATABASE_URL=$(bash scripts/test-postgres.sh) npm run bench -- --scale (it creates and drops its own databases there)");
    await runScale({
      adminUrl: databaseUrl,
      distDir: DIST_DIR,
      sizes: { users: Number(args["scale-users"]), events: Number(args["scale-events"]), sessions: Number(args["scale-sessions"]) },
      seconds,
      warmup,
      clients: Number(args.clients),
      log,
      keep: args["scale-keep"],
      reuse: args["scale-reuse"],
    });
    warnIfBusy("at end");
    return;
  }

  // Before the server exists, so the hash threads have the cores to themselves.
  const hash = await measureHashLimit(3);
  log(hashLine(hash));

  mail = await startMailCapture();
  dataDir = mkdtempSync(path.join(tmpdir(), "caregate-bench-"));
  const profDir = path.join(tmpdir(), `caregate-bench-profile-${process.pid}`);
  const authSecret = randomBytes(32).toString("base64url");
  const serverEnv = {
      ...RAISED,
      NEXT_DIST_DIR: DIST_DIR,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      SMTP_URL: mail.url,
      TRUST_PROXY: "",
      // One access line per request at info would be measured too (and kept in serverLogs).
      LOG_LEVEL: "warn",
  };
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  // The doctor's view needs an admin, made by the real command before the server opens the database.
  // `--only` takes parts (records, export, …), `reads` (the floor and every signed-in read) or
  // pieces of scenario names (`/api/audit`, `login`).
  const words = args.only?.split(",") ?? [];
  const only = (part: string) => !args.only || words.includes(part);
  const anyRead = only("reads") || words.some((w) => w === "floor" || w.startsWith("/api/"));
  // The doctor's view and the reads (patients list, audit page) need an admin.
  const admin = only("doctor") || anyRead ? await createBenchAdmin(serverEnv, runId, log) : null;
  const startedAt = performance.now();
  const server = await startServer(
    serverEnv,
    args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [],
  );
  serverLogs = server.logs;
  // From spawning the process to the first 200 of /api/health (a fresh database: created and migrated,
  // unless create-superadmin above did that).
  const startSeconds = (performance.now() - startedAt) / 1000;
  await new Promise((r) => setTimeout(r, 2000)); // idle means idle: let start-up's garbage settle
  const idleRss = rssMiB(server.pid);
  log(`server pid ${server.pid} at ${server.url}, first 200 after ${startSeconds.toFixed(1)} s, idle RSS ${idleRss.toFixed(0)} MiB`);
  log(`throttles raised for this run: ${Object.entries(RAISED).map(([k, v]) => `${k}=${v}`).join(", ")} (per-account limits at defaults)`);

  const t0 = performance.now();
  const accounts = await createAccounts(server.url, mail, runId, accountCount);
  log(`${accounts.length} verified accounts via signup → emailed code → verify-otp in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The floor and the signed-in reads first (`--only reads`: all of them), then the others.
  const reads = anyRead ? [floor(), ...(await readScenarios(server.url, mail, runId, admin, accounts)), floor(true)] : [];
  // Sign-ups and uploads leave background work (previews, the database's write-back) behind.
  log(`server idle after ${(await settle(server.pid)).toFixed(1)} s`);
  const all: Scenario[] = [...reads, ...pageScenarios(), health(), signIn(accounts), signUp(runId)];
  // --only login,health (or page): a subset, e.g. to profile one path (ratios print when both sides ran).
  const scenarios = args.only ? all.filter((s) => words.some((w) => s.name.includes(w) || (w === "reads" && (s.read || s.expect)))) : all;
  const rows: Row[] = [];
  for (const scenario of scenarios) {
    const mailBefore = mail.received();
    const m = await run(server.url, server.pid, scenario, seconds, warmup, Number(args.connections));
    const row: Row = { ...m, rssMiB: rssMiB(server.pid) };
    rows.push(row);
    const codes = Object.entries(m.statusCodes).map(([k, v]) => `${k}×${v}`).join(" ");
    log(`${m.name}: ${m.okPerSecond.toFixed(1)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms [${codes}]`);
    if (scenario.name.includes("signup")) log(`  SMTP capture received ${mail.received() - mailBefore} emails during warm-up + run`);
    if (m.ok === 0) throw new Error(`${m.name}: no successful response at all — the benchmark is broken`);
  }

  // Record uploads and downloads: `--only records` runs just this part.
  let records: RecordsResult | null = null;
  if (only("records")) {
    log("records: 10 MiB uploads and downloads, then four uploads at once while sampling the server's RSS …");
    records = await measureRecords(server.url, server.pid, accounts);
    log(`records: upload ${records.uploadMBps.toFixed(1)} MB/s, download ${records.downloadMBps.toFixed(1)} MB/s, RSS growth ${records.growthMiB.toFixed(1)} MiB`);
  }

  // Finding records and scanning: `--only finding` runs just this part (accounts 5 and 6).
  let finding: FindingResult | null = null;
  if (only("finding") && accounts.length >= 6) {
    log("finding: 200 records for one patient, then list/search latency and 1 MiB uploads without a scanner …");
    finding = { ...(await measureFinding(server.url, accounts[4]!, accounts[5]!)), uploadOn: null };
  }

  // The data export of a patient with 200 records: `--only export` runs just this part.
  let exported: ExportResult | null = null;
  if (only("export")) {
    log(`export: 200 records, ${args["export-mb"]} MB in all, then one export while sampling the server's RSS …`);
    // An account of its own: the records part's uploads would count against its 200-record limit.
    const [exporter] = await createAccounts(server.url, mail, `${runId}x`, 1);
    exported = await measureExport(server.url, server.pid, exporter!, Number(args["export-mb"]));
    log(`export: ${exported.MBps.toFixed(1)} MB/s, RSS growth ${exported.growthMiB.toFixed(1)} MiB`);
  }

  // An approved doctor with 100 sharing patients: `--only doctor` runs just this part.
  const doctorView = admin && only("doctor") ? await measureDoctorView(server.url, mail, runId, admin, accounts, log) : null;

  const loadRss = rssMiB(server.pid);
  warnIfBusy("at end");
  // The same measurement once the server is gone: if it moved, something else used the cores
  // during the run and every ratio is suspect. The ratio still uses the first one (no server yet).
  await stopAll();

  // The same uploads through a server with a real clamd in the path (same database and accounts).
  if (finding) {
    log("finding: 1 MiB uploads with CLAMD_URL set (a local clamd) …");
    try {
      const clamd = await startClamd();
      try {
        const scanned = await startServer({ ...serverEnv, CLAMD_URL: clamd.url });
        finding.uploadOn = await uploadThroughput(scanned.url, accounts[5]!.token);
        await stopAll();
      } finally {
        await clamd.close();
      }
    } catch (e) {
      finding.uploadOn = `not measured: ${(e as Error).message.split("\n")[0]}`;
    }
  }

  // Mail queue throughput, in this process on the same database now that the server is gone.
  let mailResult: MailResult | null = null;
  if (only("mail")) {
    log(`mail queue: ${args["mail-count"]} messages queued, delivered by the app's sender to the SMTP capture …`);
    mailResult = await measureMailQueue({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SMTP_URL: mail.url, AUTH_SECRET: authSecret }, mail, runId, Number(args["mail-count"]));
    log(`mail queue: ${mailResult.backlog} messages the server had not delivered yet were set aside first`);
    log(`mail queue: ${mailResult.sent} delivered in ${mailResult.seconds.toFixed(1)} s = ${mailResult.perSecond.toFixed(0)} messages/s`);
  }
  const hashAfter = await measureHashLimit(3);
  const drift = hashAfter.verifyPerSecond / hash.verifyPerSecond - 1;
  const rps = (needle: string) => rows.find((r) => r.name.includes(needle))?.okPerSecond ?? NaN;
  const signInRatio = rps("login") / hash.verifyPerSecond;
  const read = readRatios(rows);
  const targets = collectTargets({
    engine: databaseUrl ? "PostgreSQL" : "PGlite",
    floor: read?.floor ?? null,
    reads: read?.reads ?? [],
    signIn: Number.isFinite(signInRatio) ? { value: signInRatio, target: SIGN_IN_TARGET } : null,
    records,
    exported,
    rss: { idle: idleRss, load: loadRss },
    pages: arabicPageRatio(rows),
  });

  console.log(`\n${hashLine(hash)}`);
  console.log(`re-measured after the run: ${hashAfter.verifyPerSecond.toFixed(1)} verify/s (${drift >= 0 ? "+" : ""}${(drift * 100).toFixed(0)} %)`);
  if (Math.abs(drift) > 0.15) console.log("WARNING: the hash limit moved by more than 15 % during the run — other processes used the cores; re-run for figures you can compare.");
  console.log("");
  console.log(`start-up: first 200 from /api/health ${startSeconds.toFixed(1)} s after the process started (${admin ? "database created and migrated by create-superadmin just before" : "fresh database, migrations included"})`);
  console.log(`server RSS: ${idleRss.toFixed(0)} MiB idle after start-up, ${loadRss.toFixed(0)} MiB after the whole load (targets on PGlite: < 300 and < 500)`);
  console.log(scenarioTable(rows, idleRss));
  if (records) console.log(`\n${recordsTable(records)}`);
  if (finding) console.log(`\n${findingTable(finding)}`);
  if (exported) console.log(`\n${exportTable(exported)}`);
  if (doctorView) console.log(`\n${doctorViewTable(doctorView)}`);
  if (mailResult) {
    console.log(
      `\nmail queue: ${mailResult.queued.toLocaleString("en")} queued in ${mailResult.queueSeconds.toFixed(1)} s, ${mailResult.sent.toLocaleString("en")} delivered to the SMTP capture in ${mailResult.seconds.toFixed(1)} s: ${mailResult.perSecond.toFixed(0)} messages/s (lib/mail/sender.ts rounds, in the benchmark process); ${mailResult.backlog} messages were still queued when the server stopped`,
    );
  }
  const login = rows.find((r) => r.name.includes("login"));
  // CPU per request is steadier than req/s when other processes share the cores.
  if (login) console.log(`\n${signInBudget(login, hash.cpuMsPerVerify)}`);
  console.log(`\nCPU ms/req: the server process's CPU (all threads) per request; db CPU: every PostgreSQL process on this machine${databaseUrl ? "" : " (none: PGlite runs inside the server)"}; client CPU: this process (autocannon).`);
  console.log(`${seconds} s per scenario after ${warmup} s warm-up, ${args.connections} connections; database: ${dbLabel}`);
  if (args["cpu-prof"]) console.log(`server CPU profile written to ${profDir} when the server exits`);
  console.log(`\ntargets (docs/PERFORMANCE.md "Current figures"; reads ÷ the floor of the same run):\n${targetsTable(targets)}`);
}

try {
  await main();
  await cleanUp();
  log("done");
} catch (e) {
  console.error(`[bench] FAILED: ${(e as Error).stack ?? e}`);
  if (serverLogs.length) console.error(`[bench] last server output:\n${serverLogs.join("").split("\n").slice(-30).join("\n")}`);
  await cleanUp();
  process.exitCode = 1;
}
