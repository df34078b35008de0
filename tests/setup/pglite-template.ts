import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { migratedPgliteFolder } from "./pglite-folder";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated embedded database folder each PGlite test file copies (see integration.ts). */
    pgliteTemplate: string | null;
  }
}

/**
 * PGlite runs: create and migrate ONE embedded database folder, with the app's own code, before any
 * test file starts. Each file then copies it (≈ 0.2 s) and opens the copy (≈ 0.8 s) instead of running
 * initdb and every migration itself (3–5 s on two busy cores) — about 150 s of CPU over the suite.
 * The files still get a database of their own, so they cannot see each other's rows.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("pgliteTemplate", null);
    return;
  }
  const { root, folder } = await migratedPgliteFolder();
  project.provide("pgliteTemplate", folder);
  return () => rmSync(root, { recursive: true, force: true });
}
