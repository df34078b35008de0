// Runs around every integration test file (vitest setupFiles): gives the file a database of its own
// and an empty SMTP capture, opens the database before the first test, and afterwards waits for the
// file's background work (previews, mail), then closes and drops the database.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { stopMailSender } from "@/lib/mail/sender";
import { thumbnailsIdle } from "@/lib/records/thumbnails";
import { mail } from "../helpers/mail";
import { createFileDatabase } from "./pg-database";

// A worker runs many files one after another with the modules already loaded (isolate: false), so
// what a file must not inherit is reset here: the worker's SMTP capture starts empty, and the
// configuration is read again on first use (below: this file's database).
mail.reset();
process.env.SMTP_URL = mail.url;
(globalThis as { __caregateConfig?: unknown }).__caregateConfig = undefined;

// Its own database: on a PostgreSQL server a copy of the migrated template database
// (pg-database.ts, postgres.ts); on PGlite a copy of the migrated template folder (pglite-template.ts).
const fileDb = process.env.TEST_DATABASE_URL ? await createFileDatabase(process.env.TEST_DATABASE_URL, inject("pgTemplate") ?? undefined) : null;
if (fileDb) process.env.DATABASE_URL = fileDb.url;
const template = inject("pgliteTemplate");
const copyDir = !fileDb && template ? mkdtempSync(path.join(tmpdir(), "caregate-test-db-")) : null;
if (copyDir) {
  cpSync(template!, path.join(copyDir, "pglite"), { recursive: true });
  process.env.DATA_DIR = copyDir;
}

// Open (and migrate) the database under the hook timeout: a cold PGlite start on a busy machine can
// take longer than one test's timeout, which would fail whichever test happens to run first.
beforeAll(async () => {
  await getDb();
});

afterAll(async () => {
  await thumbnailsIdle();
  await stopMailSender();
  await closeDb();
  await fileDb?.drop();
  if (copyDir) rmSync(copyDir, { recursive: true, force: true });
});
