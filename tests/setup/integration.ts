// Runs around every integration test file (vitest setupFiles): points the app at this file's SMTP
// capture, opens the database before the first test and closes both afterwards.
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { mail } from "../helpers/mail";

// Every integration test file gets its own SMTP capture; the app sends real SMTP to it.
process.env.SMTP_URL = mail.url;

// Open (and migrate) the database under the hook timeout: a cold PGlite start on a busy machine can
// take longer than one test's timeout, which would fail whichever test happens to run first.
beforeAll(async () => {
  await getDb();
});

afterAll(async () => {
  await closeDb();
  await mail.close();
});
