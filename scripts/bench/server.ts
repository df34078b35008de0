import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * The processes the benchmark starts: `next build` and the production server. Each runs in its
 * own process group (detached) so that ending it also ends whatever it spawned (next build forks
 * workers), and every one is registered so it is ended on success, on error and on Ctrl-C.
 */
const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  try {
    process.kill(-child.pid, signal); // the group we created with detached: true
  } catch {
    child.kill(signal);
  }
}

/** Ends every process we started; waits up to 5 s for each, then SIGKILLs it. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once("exit", () => resolve());
      });
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
      running.delete(child);
    }),
  );
}

// Last resort when the process dies abruptly: signals can still be sent synchronously.
process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/**
 * The environment of a child: ours minus anything that would change how Node loads modules
 * (the benchmark itself runs with --conditions=react-server, which must not reach Next).
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

export async function build(distDir: string): Promise<void> {
  const child = start(["node_modules/next/dist/bin/next", "build"], childEnv({ NEXT_DIST_DIR: distDir }));
  const out: string[] = [];
  child.stdout!.on("data", (d) => out.push(String(d)));
  child.stderr!.on("data", (d) => out.push(String(d)));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${out.join("")}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export type Server = { url: string; pid: number; logs: string[] };

/** scripts/serve.mjs in production mode, bound to loopback only, healthy before it returns. */
export async function startServer(env: Record<string, string>, nodeFlags: string[] = []): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = start(
    [...nodeFlags, "scripts/serve.mjs"],
    childEnv({ ...env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_URL: url }),
  );
  const logs: string[] = [];
  child.stdout!.on("data", (d) => logs.push(String(d)));
  child.stderr!.on("data", (d) => logs.push(String(d)));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${logs.join("")}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, pid: child.pid!, logs };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy in 60 s:\n${logs.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const CLOCK_TICKS = 100; // USER_HZ: 100 on every Linux architecture Node runs on

/**
 * CPU time (user + system, all threads) a process has used so far, in ms. Per request it tells
 * the cost of a request independently of what else competes for the cores. With `thread`, one
 * thread's: the main thread's id is the pid, and its time is the event loop's (JavaScript, the
 * database client, PGlite), as opposed to the thread pool's argon2id.
 */
export function cpuMs(pid: number, thread?: number): number {
  return statCpuMs(readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8"));
}

/** utime + stime of a /proc stat line, in ms. */
function statCpuMs(stat: string): number {
  // Fields after the command name (which may contain spaces): state is 3rd, utime 14th, stime 15th.
  const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/**
 * CPU time of every PostgreSQL process on this machine (backends, WAL writer, checkpointer…), in
 * ms by pid, or null when none is visible (PGlite, or a database on another host). The benchmark's own
 * database is the only busy one while it runs, so the difference over a scenario is its cost.
 */
export function databaseCpuMs(): Map<number, number> | null {
  if (!process.env.DATABASE_URL) return null; // PGlite: the database is the server process
  const byPid = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (comm !== "postgres" && !comm.startsWith("postgres:")) continue;
      byPid.set(Number(entry), statCpuMs(stat));
    } catch {
      // the process ended between readdir and read
    }
  }
  return byPid.size ? byPid : null;
}

/** CPU the database used between two `databaseCpuMs` readings (a backend that exited meanwhile is lost). */
export function databaseCpuSince(before: Map<number, number> | null): number | null {
  const after = databaseCpuMs();
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Resident memory of a process in MiB, from the kernel's own accounting (Linux only). */
export function rssMiB(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)\s+kB/m);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

/**
 * Waits until the server is idle: under 5 % of one core over a second (at most `maxSeconds`). Uploads
 * leave work behind them (previews made in the background, the database's write-back), which would
 * otherwise be measured as part of whatever runs next. Returns how long it waited, in seconds.
 */
export async function settle(pid: number, maxSeconds = 60): Promise<number> {
  const started = performance.now();
  while ((performance.now() - started) / 1000 < maxSeconds) {
    const before = cpuMs(pid);
    await new Promise((r) => setTimeout(r, 1000));
    if (cpuMs(pid) - before < 50) break;
  }
  return (performance.now() - started) / 1000;
}
