import autocannon, { type Instance, type Options, type Request } from "autocannon";
import { type Account, BENCH_PASSWORD } from "./accounts";
import { cpuMs, databaseCpuMs, databaseCpuSince } from "./server";

/**
 * The four load scenarios, driven by autocannon's programmatic API on loopback. Each runs for a
 * fixed duration (never a request count, so a slow server cannot stretch the run), after a short
 * unreported warm-up that loads the route's modules and lets V8 optimise the hot path.
 *
 * Connections: 8 for every scenario. The server is one Node process (one event loop) plus libuv's
 * 4-thread pool where argon2id runs, on 2 cores shared with autocannon and (for the PostgreSQL
 * run) the database. 8 in flight keeps the 4 hash threads fed while other requests wait on the
 * database or the event loop, and stays under the app's pg pool (10), so we measure the app and
 * not a queue: more connections only add latency once the cores are busy.
 */
export const CONNECTIONS = 8;

/**
 * `expect`: the status that counts as a success (default: any 2xx), e.g. the floor's 404.
 * `read`: a signed-in read, reported as a share of the floor (./reads.ts).
 */
export type Scenario = { name: string; requests: Request[]; expect?: number; read?: boolean };
export type Measured = {
  name: string;
  read: boolean;
  connections: number;
  seconds: number;
  total: number;
  ok: number;
  okPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Server CPU (all its threads) per completed request, in ms. */
  cpuMsPerRequest: number;
  /** The server's main thread (the event loop) per request: everything but the thread pool and GC helpers. */
  loopCpuMsPerRequest: number;
  /** PostgreSQL's CPU per request when its processes run on this machine (null otherwise). */
  dbCpuMsPerRequest: number | null;
  /** This process's CPU per request: autocannon building, sending and parsing the requests. */
  clientCpuMsPerRequest: number;
  statusCodes: Record<string, number>;
};

const jsonPost = (path: string, body: unknown): Request => ({
  method: "POST",
  path,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** A rotating cursor shared by all connections, so consecutive requests use different accounts. */
function rotating<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

export function health(): Scenario {
  return { name: "GET /api/health", requests: [{ method: "GET", path: "/api/health" }] };
}

export function signIn(accounts: Account[]): Scenario {
  const next = rotating(accounts);
  return {
    name: "POST /api/auth/login",
    requests: [
      {
        ...jsonPost("/api/auth/login", {}),
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ email: next().email, password: BENCH_PASSWORD }) }),
      },
    ],
  };
}

/** Unique emails per request: every one is a real signup that hashes, stores and emails a code. */
export function signUp(runId: string): Scenario {
  let n = 0;
  return {
    name: "POST /api/auth/signup",
    requests: [
      {
        ...jsonPost("/api/auth/signup", {}),
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({ name: "Load Test", email: `load-${runId}-${n++}@example.com`, password: BENCH_PASSWORD }),
        }),
      },
    ],
  };
}

const inFlight = new Set<Instance>();
/** Stops running autocannon instances (Ctrl-C): they end their connections and resolve. */
export const stopScenarios = () => inFlight.forEach((i) => i.stop());

async function drive(url: string, scenario: Scenario, seconds: number, connections: number) {
  const opts: Options = { url, connections, duration: seconds, timeout: 30, requests: scenario.requests };
  const instance = autocannon(opts);
  inFlight.add(instance);
  try {
    return await instance;
  } finally {
    inFlight.delete(instance);
  }
}

export async function run(
  url: string,
  pid: number,
  scenario: Scenario,
  seconds: number,
  warmupSeconds: number,
  connections = CONNECTIONS,
): Promise<Measured> {
  if (warmupSeconds > 0) await drive(url, scenario, warmupSeconds, connections);
  const cpuBefore = cpuMs(pid);
  const loopBefore = cpuMs(pid, pid);
  const dbBefore = databaseCpuMs();
  const clientBefore = process.cpuUsage();
  const r = await drive(url, scenario, seconds, connections);
  const cpu = cpuMs(pid) - cpuBefore;
  const loop = cpuMs(pid, pid) - loopBefore;
  const client = process.cpuUsage(clientBefore);
  const db = databaseCpuSince(dbBefore);
  const requests = Math.max(1, r.requests.total);
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]));
  const ok = scenario.expect === undefined ? r["2xx"] : (statusCodes[String(scenario.expect)] ?? 0);
  return {
    name: scenario.name,
    read: scenario.read ?? false,
    connections,
    seconds: r.duration,
    total: r.requests.total,
    ok,
    okPerSecond: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: Object.values(statusCodes).reduce((a, b) => a + b, 0) - ok,
    errors: r.errors,
    cpuMsPerRequest: cpu / requests,
    loopCpuMsPerRequest: loop / requests,
    dbCpuMsPerRequest: db === null ? null : db / requests,
    clientCpuMsPerRequest: (client.user + client.system) / 1000 / requests,
    statusCodes,
  };
}
