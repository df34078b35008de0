import { dropLeftoverDatabases } from "./pg-database";

/**
 * With TEST_DATABASE_URL (a PostgreSQL server): check it answers and may create databases (each test
 * file makes its own: tests/setup/pg-database.ts), and clear any left by a killed run. PGlite
 * runs need nothing: each file has its own in-memory database.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  try {
    await dropLeftoverDatabases(url);
  } catch (e) {
    throw new Error(
      `Cannot use the PostgreSQL server at TEST_DATABASE_URL (${(e as Error).message}). ` +
        `Install and start one: apt-get install -y postgresql && pg_ctlcluster 15 main start (the role needs CREATEDB)`,
    );
  }
}
