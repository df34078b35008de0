import { randomBytes } from "node:crypto";

/**
 * On a PostgreSQL server every integration test file gets a database of its own, as every file gets
 * its own in-memory PGlite: files run in parallel, and each runs its own mail sender, which would
 * otherwise claim (and deliver to its own SMTP capture) mail that another file is waiting for.
 */
export const TEST_DB_PREFIX = "caregate_t_";

async function admin<T>(serverUrl: string, fn: (q: (sql: string) => Promise<unknown>) => Promise<T>): Promise<T> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn((sql) => client.query(sql));
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database. Not `WITH (FORCE)`: that must be allowed to terminate *every* other session
 * in the database, and an autovacuum worker (a superuser process) makes it fail for our non-superuser
 * role — which once failed a whole test file after its tests had passed. A plain DROP asks autovacuum
 * to leave by itself; our own connections are closed by then. If the database is still busy after a
 * few tries it is left for the next run's clean-up (dropLeftoverDatabases) rather than failing a file.
 */
async function dropDatabase(q: (sql: string) => Promise<unknown>, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await q(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "55006" || attempt === 5) {
        console.warn(`could not drop test database ${name} (left for the next run): ${(e as Error).message}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/**
 * Creates this file's database: a copy of `template` (already migrated, see postgres.ts) when given,
 * otherwise an empty one that the app migrates when it first opens it. A copy takes a fraction of a
 * second; running every migration per file cost the server a few seconds of work each time.
 *
 * Commits do not wait for the WAL to reach the disk in these throwaway databases: it changes no
 * result (only what a crash of the server would lose), and the suite commits thousands of times.
 */
export async function createFileDatabase(serverUrl: string, template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${TEST_DB_PREFIX}${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, async (q) => {
    await q(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
    await q(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  return { url: databaseUrl(serverUrl, name), drop: () => admin(serverUrl, (q) => dropDatabase(q, name)) };
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Databases left behind by a run that was killed (the global setup calls this before a run). */
export async function dropLeftoverDatabases(serverUrl: string): Promise<void> {
  await admin(serverUrl, async (q) => {
    const res = (await q(`SELECT datname FROM pg_database WHERE starts_with(datname, '${TEST_DB_PREFIX}')`)) as { rows: { datname: string }[] };
    for (const { datname } of res.rows) await dropDatabase(q, datname);
  });
}
