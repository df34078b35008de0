import path from "node:path";

/**
 * With TEST_DATABASE_URL (a PostgreSQL server), start every run from an empty schema and migrate
 * once here, so parallel test workers do not race to create tables. PGlite runs need nothing:
 * each worker has its own in-memory database.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString: url });
  try {
    await pool.query("DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public;");
    await migrate(drizzle(pool), { migrationsFolder: path.resolve("lib/db/migrations") });
  } catch (e) {
    throw new Error(
      `Cannot prepare the PostgreSQL test database at TEST_DATABASE_URL (${(e as Error).message}). ` +
        `Install and start one: apt-get install -y postgresql && pg_ctlcluster 15 main start`,
    );
  } finally {
    await pool.end();
  }
}
