import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Creates and migrates an embedded database folder with the app's own code (lib/db/client.ts), in
 * a new temp folder, for test files and test servers to copy instead of running initdb and every
 * migration themselves. Returns the temp folder (to remove afterwards) and the database folder in it.
 */
export async function migratedPgliteFolder(): Promise<{ root: string; folder: string }> {
  const root = mkdtempSync(path.join(tmpdir(), "caregate-pglite-template-"));
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  process.env.DATA_DIR = root;
  delete process.env.DATABASE_URL;
  process.env.AUTH_SECRET ??= "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
  try {
    const { closeDb, getDb } = await import("@/lib/db/client");
    await getDb();
    await closeDb();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return { root, folder: path.join(root, "pglite") };
}
