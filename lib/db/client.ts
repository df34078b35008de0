import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
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
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let client;
  let release = () => {};
  if (dataDir.startsWith("memory://")) {
    client = new PGlite(dataDir, DRIZZLE_PARSERS);
  } else {
    mkdirSync(dataDir, { recursive: true }); // PGlite creates only the last folder level
    release = acquireDataDirLock(dataDir);
    client = new PGlite(path.join(dataDir, "pglite"), DRIZZLE_PARSERS);
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

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * drizzle's PGlite driver sends its type parsers (dates, timestamps and intervals kept as the
 * strings Postgres sent) with every query, and PGlite merges them into its ~300 default parsers on
 * each call: 0.2–0.3 ms, as much as a whole simple query. Installed once as the client's defaults
 * and dropped from each call, results are identical and every statement is cheaper
 * (docs/PERFORMANCE.md). Only drizzle uses this client; a call with other parsers is left alone.
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
