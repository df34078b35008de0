import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A real ClamAV daemon for the scanning tests, with its own signature database (the public mirrors
 * are not reachable here): the EICAR test file's MD5 (`sigtool --md5`, as clamd's docs show) and the
 * same bytes as a body signature, so EICAR is found anywhere in a file — after a PDF header too.
 */

export const CLAMD = "/usr/sbin/clamd";
const SIGTOOL = "/usr/bin/sigtool";
export const INSTALL_HINT = "clamd is not installed: run `npm run test:setup` (it installs Debian's clamav-daemon with apt-get)";

/**
 * The EICAR anti-virus test file (eicar.org): harmless, and detected by every scanner. Assembled at
 * run time so that no file in the repository is itself a test virus.
 */
export const EICAR = Buffer.from(["X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"].join(""));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** PING → PONG over a fresh connection. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1", () => s.write("zPING\0"));
    let text = "";
    s.on("data", (d) => (text += d.toString()));
    s.on("close", () => resolve(text.startsWith("PONG")));
    s.on("error", () => resolve(false));
    s.setTimeout(2000, () => s.destroy());
  });
}

export type Clamd = { url: string; start(): Promise<void>; stop(): Promise<void>; close(): Promise<void> };

/** Starts clamd on a free local port; fails (never skips) when it is not installed. */
export async function startClamd(): Promise<Clamd> {
  if (!existsSync(CLAMD) || !existsSync(SIGTOOL)) throw new Error(INSTALL_HINT);
  const dir = mkdtempSync(path.join(tmpdir(), "caregate-clamd-"));
  const db = path.join(dir, "db");
  mkdirSync(db);
  writeFileSync(path.join(dir, "eicar.com"), EICAR);
  writeFileSync(path.join(db, "test.hdb"), execFileSync(SIGTOOL, ["--md5", "eicar.com"], { cwd: dir }));
  writeFileSync(path.join(db, "test.ndb"), `CareGate.Test.EICAR:0:*:${EICAR.toString("hex")}\n`);
  const port = await freePort();
  const conf = path.join(dir, "clamd.conf");
  const lines = [`DatabaseDirectory ${db}`, `TCPSocket ${port}`, "TCPAddr 127.0.0.1", "Foreground yes", `LogFile ${path.join(dir, "clamd.log")}`];
  if (process.getuid?.() === 0) lines.push("User root");
  writeFileSync(conf, lines.join("\n") + "\n");

  let child: ChildProcess | null = null;
  const start = async () => {
    const proc = spawn(CLAMD, ["-c", conf], { stdio: "ignore" });
    child = proc;
    const deadline = Date.now() + 60_000;
    while (!(await pong(port))) {
      if (proc.exitCode !== null) throw new Error(`clamd exited with ${proc.exitCode}; see ${path.join(dir, "clamd.log")}`);
      if (Date.now() > deadline) throw new Error("clamd did not answer PING within 60 s");
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGTERM");
    await exited;
  };
  await start();
  return {
    url: `tcp://127.0.0.1:${port}`,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
