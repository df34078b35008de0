import type { TestProject } from "vitest/node";
import { createFileDatabase, dropLeftoverDatabases } from "./pg-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database each integration file copies (see pg-database.ts), or null on PGlite. */
    pgTemplate: string | null;
  }
}

/**
 * With TEST_DATABASE_URL (a PostgreSQL server): check it answers and may create databases (each test
 * file makes its own: tests/setup/pg-database.ts), clear any left by a killed run, and migrate ONE
 * template database with the app's own code that every file's database is copied from. PGlite runs
 * need nothing here (pglite-template.ts).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide("pgTemplate", null);
    return;
  }
  try {
    await dropLeftoverDatabases(url);
  } catch (e) {
    throw new Error(
      `Cannot use the PostgreSQL server at TEST_DATABASE_URL (${(e as Error).message}). ` +
        `Install and start one: apt-get install -y postgresql && pg_ctlcluster 15 main start (the role needs CREATEDB)`,
    );
  }
  const template = await createFileDatabase(url);
  process.env.DATABASE_URL = template.url;
  process.env.AUTH_SECRET ??= "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
  const { closeDb, getDb } = await import("@/lib/db/client");
  await getDb(); // migrates it
  await closeDb(); // a template may have no open connection while it is copied
  project.provide("pgTemplate", new URL(template.url).pathname.slice(1));
  return () => template.drop();
}
