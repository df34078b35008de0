import "server-only";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { PGlite, QueryOptions, Transaction } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { config } from "@/lib/config";
import { acquireDataDirLock } from "./lock";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
type Listen = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;
type Handle = { db: Db; close: () => Promise<void>; kind: "pglite" | "postgres"; listen: Listen };

const MIGRATIONS = path.join(process.cwd(), "lib/db/migrations");

/**
 * One database handle per process (a globalThis singleton, so Next's module reloading and the
 * test runner's re-imports share it). It is opened and migrated on first use; the server opens
 * it from instrumentation.ts at start-up so a broken database stops the server early.
 */
const g = globalThis as unknown as { __caregateDb?: Promise<Handle> };

export function getDb(): Promise<Db> {
  g.__caregateDb ??= open().catch((e) => {
    g.__caregateDb = undefined;
    throw e;
  });
  return g.__caregateDb.then((h) => h.db);
}

/**
 * Calls `onNotify` whenever some process runs NOTIFY on `channel` (e.g. `select pg_notify(…)` inside
 * a transaction, delivered at commit to every instance). Returns a function that stops listening.
 */
export async function listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  await getDb();
  return (await g.__caregateDb!).listen(channel, onNotify);
}

export async function closeDb(): Promise<void> {
  const h = await g.__caregateDb;
  g.__caregateDb = undefined;
  await h?.close();
}

async function open(): Promise<Handle> {
  const url = config().DATABASE_URL;
  return url ? openPostgres(url) : openPglite(config().DATA_DIR);
}

async function openPostgres(url: string): Promise<Handle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString: url, max: 10 });
  const db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  // LISTEN needs a connection of its own for as long as we listen, outside the pool's rotation.
  const listen: Listen = async (channel, onNotify) => {
    const client = await pool.connect();
    client.on("notification", (n) => n.channel === channel && onNotify());
    client.on("error", () => {}); // a dropped listener only costs latency: the sender also polls
    await client.query(`LISTEN ${quoteIdent(channel)}`);
    return async () => {
      await client.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => {});
      client.release();
    };
  };
  return { db: db as unknown as Db, close: () => pool.end(), kind: "postgres", listen };
}

async function openPglite(dataDir: string): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const options = {
    ...DRIZZLE_PARSERS,
    serializers: BYTEA_AS_BINARY,
    // Name search (lib/admin/users.ts) uses trigram indexes; the migration creates the extension.
    extensions: { pg_trgm },
    // shared_buffers is PostgreSQL's default 128 MB in PGlite, all of it inside the WASM heap: an
    // embedded database of one app fits in far less, and pages it misses are one synchronous file
    // read away (the OS caches them). docs/PERFORMANCE.md "Memory" has the measurements.
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  };
  let client;
  let release = () => {};
  if (dataDir.startsWith("memory://")) {
    client = new PGlite(dataDir, options);
  } else {
    mkdirSync(dataDir, { recursive: true }); // PGlite creates only the last folder level
    release = acquireDataDirLock(dataDir);
    const folder = path.join(dataDir, "pglite");
    if (!existsSync(path.join(folder, "PG_VERSION"))) await initInChildProcess(folder);
    client = new PGlite(folder, options);
  }
  skipPerQueryParsers(client);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return {
    db: db as unknown as Db,
    close: async () => {
      await client.close();
      release();
    },
    kind: "pglite",
    listen: async (channel, onNotify) => {
      const stop = await client.listen(channel, () => onNotify());
      return () => stop();
    },
  };
}

const PGLITE_SHARED_BUFFERS = "32MB";

/**
 * initdb runs in a short-lived child process: run in this one, it leaves the WASM heap ~500 MiB
 * larger for the life of the server (the memory is never given back), so a first start idled at
 * ~830 MiB where a restart on the same folder idles at ~300. The child only creates the folder;
 * the lock is ours, taken before.
 */
async function initInChildProcess(folder: string): Promise<void> {
  const script = `import { PGlite } from "@electric-sql/pglite";
const db = new PGlite(${JSON.stringify(folder)});
await db.waitReady;
await db.close();`;
  // No NODE_OPTIONS: a parent's loaders (tsx, a test runner) have nothing to do in this child.
  const env = { ...process.env, NODE_OPTIONS: "" };
  await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: process.cwd(), env });
}

/**
 * PGlite writes a bytea parameter as a hex string built byte by byte in JavaScript (5× slower than
 * the upload it carries, and a 512 KB string per 256 KiB chunk). Bytes given as they are go in the
 * Bind message in PostgreSQL's binary format, as node-postgres sends a Buffer: one copy, no text.
 */
const BYTEA_OID = 17;
const BYTEA_AS_BINARY = {
  [BYTEA_OID]: (value: unknown) => {
    if (!(value instanceof Uint8Array)) throw new TypeError("a bytea parameter must be a Uint8Array");
    return value as unknown as string; // PGlite's bind sends an ArrayBuffer view as binary
  },
};

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * drizzle's PGlite driver sends its type parsers (dates, timestamps and intervals kept as the
 * strings Postgres sent) with every query, and PGlite merges them into its ~300 default parsers on
 * each call: 0.2–0.3 ms, as much as a whole simple query. Installed once as the client's defaults
 * and dropped from each call, results are identical and every statement is cheaper
 * (docs/PERFORMANCE.md "Authenticated reads"). Only drizzle uses this client; a call with other parsers is left alone.
 */
const DRIZZLE_RAW_TYPES = [1082, 1114, 1115, 1182, 1184, 1185, 1186, 1187, 1231];
const DRIZZLE_PARSERS = { parsers: Object.fromEntries(DRIZZLE_RAW_TYPES.map((oid) => [oid, (value: string) => value])) };

function withoutDrizzleParsers(options?: QueryOptions): QueryOptions | undefined {
  if (!options?.parsers || !Object.keys(options.parsers).every((oid) => DRIZZLE_RAW_TYPES.includes(Number(oid)))) return options;
  return { ...options, parsers: undefined };
}

function skipPerQueryParsers(client: PGlite): void {
  const query = client.query.bind(client);
  client.query = ((sql: string, params?: unknown[], options?: QueryOptions) =>
    query(sql, params, withoutDrizzleParsers(options))) as typeof client.query;
  // Inside a transaction drizzle calls the transaction object's query, so that one is wrapped too.
  const transaction = client.transaction.bind(client);
  client.transaction = ((fn: (tx: Transaction) => Promise<unknown>) =>
    transaction((tx) =>
      fn(
        Object.create(tx, {
          query: { value: (sql: string, params?: unknown[], options?: QueryOptions) => tx.query(sql, params, withoutDrizzleParsers(options)) },
        }),
      ),
    )) as typeof client.transaction;
}
