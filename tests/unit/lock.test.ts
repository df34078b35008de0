import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "@/lib/db/lock";

const root = mkdtempSync(path.join(tmpdir(), "caregate-lock-"));
let n = 0;
const freshDir = () => {
  const dir = path.join(root, `d${++n}`);
  mkdirSync(dir);
  return dir;
};
const lockFile = (dir: string) => path.join(dir, "caregate.lock");

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL"); // only processes this file started
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A live process that is not us: a node that sleeps. */
function liveOtherProcess(): number {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
  children.push(child);
  return child.pid!;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((r) => child.once("exit", r));
  return child.pid!;
}

describe("acquireDataDirLock", () => {
  it("takes a free folder's lock with our pid and releases it", () => {
    const dir = freshDir();
    const release = acquireDataDirLock(dir);
    expect(readFileSync(lockFile(dir), "utf8").trim()).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it("refuses a folder locked by another live process, naming DATA_DIR, and leaves the lock alone", () => {
    const dir = freshDir();
    const pid = liveOtherProcess();
    writeFileSync(lockFile(dir), String(pid));
    let error: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain("DATA_DIR");
    expect((error as Error).message).toContain(String(pid));
    expect(readFileSync(lockFile(dir), "utf8")).toBe(String(pid));
  });

  it("takes over a stale lock left by a process that has exited", async () => {
    const dir = freshDir();
    writeFileSync(lockFile(dir), String(await deadPid()));
    const release = acquireDataDirLock(dir);
    expect(readFileSync(lockFile(dir), "utf8").trim()).toBe(String(process.pid));
    release();
  });

  it("releasing does not remove a lock that another process has taken since", () => {
    const dir = freshDir();
    const release = acquireDataDirLock(dir);
    const other = liveOtherProcess();
    writeFileSync(lockFile(dir), String(other));
    release();
    expect(readFileSync(lockFile(dir), "utf8")).toBe(String(other));
  });
});

describe("opening the embedded database from a second process", () => {
  it("refuses to start when another live process holds DATA_DIR, before touching the database files", async () => {
    const dataDir = freshDir();
    const release = acquireDataDirLock(dataDir); // this test process plays the running server
    try {
      const env = { ...process.env, DATA_DIR: dataDir, AUTH_SECRET: "x".repeat(40), DATABASE_URL: "", NODE_ENV: "test" as const };
      const run = promisify(execFile)(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "tests/unit/fixtures/open-db.ts"],
        { env, cwd: process.cwd(), timeout: 60_000 },
      );
      const failure = await run.then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => e,
      );
      expect(failure.stdout).toContain("REFUSED DataDirLockedError");
      expect(failure.stdout).toContain("DATA_DIR");
      expect(failure.stdout).toContain(String(process.pid));
      expect(failure.code).toBe(3);
      expect(existsSync(path.join(dataDir, "pglite"))).toBe(false);
    } finally {
      release();
    }
  }, 60_000);
});
