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

/** Creates an empty database for this file; the app migrates it when it first opens it. */
export async function createFileDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${TEST_DB_PREFIX}${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, (q) => q(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(serverUrl, (q) => dropDatabase(q, name)),
  };
}

/** Databases left behind by a run that was killed (the global setup calls this before a run). */
export async function dropLeftoverDatabases(serverUrl: string): Promise<void> {
  await admin(serverUrl, async (q) => {
    const res = (await q(`SELECT datname FROM pg_database WHERE starts_with(datname, '${TEST_DB_PREFIX}')`)) as { rows: { datname: string }[] };
    for (const { datname } of res.rows) await dropDatabase(q, datname);
  });
}
