import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSmtpCapture } from "../helpers/smtp";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Names a migrated embedded database folder (made by the e2e global setup) that a server without a
 * DATA_DIR or DATABASE_URL of its test's choosing starts from, as a copy. Tests that pass their own
 * DATA_DIR, or `emptyDataDir`, still start on an empty folder, so a first start (initdb, every
 * migration) stays covered.
 */
export const PGLITE_TEMPLATE_ENV = "CAREGATE_E2E_PGLITE_TEMPLATE";

/**
 * The production server (scripts/serve.mjs on the .next-e2e build) on a free port, a fresh
 * embedded database and a real SMTP capture in this process — the same parts a user meets. The
 * e2e global setup starts the one the test files share (tests/e2e/shared.ts); a test calls it only
 * when it needs a server of its own (other settings, or a start that is meant to fail).
 */
export async function startApp(env: Record<string, string> = {}, opts: { hostname?: "127.0.0.1" | "localhost"; emptyDataDir?: boolean } = {}) {
  const mail = await startSmtpCapture();
  const port = await freePort();
  // WebAuthn refuses an IP address as the relying party: passkey tests reach the server as localhost.
  const url = `http://${opts.hostname ?? "127.0.0.1"}:${port}`;
  const ownDataDir = !env.DATA_DIR;
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "caregate-e2e-"));
  const template = process.env[PGLITE_TEMPLATE_ENV];
  if (ownDataDir && !env.DATABASE_URL && template && !opts.emptyDataDir) cpSync(template, path.join(dataDir, "pglite"), { recursive: true });
  const logs: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: ".next-e2e",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: url,
      SMTP_URL: mail.url,
      AUTH_SECRET: "e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
      DATABASE_URL: "",
      TRUST_PROXY: "",
      ...env,
      DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => logs.push(String(d)));
  child.stderr!.on("data", (d) => logs.push(String(d)));

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    await mail.close();
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitHealthy(url, child, logs);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    url,
    /** The server process (its memory is read from /proc by the body-limit test). */
    pid: child.pid!,
    mail,
    logs,
    dataDir,
    stop,
  };
}

export type App = Awaited<ReturnType<typeof startApp>>;

async function waitHealthy(url: string, child: ChildProcess, logs: string[]) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${logs.join("")}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${logs.join("")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
