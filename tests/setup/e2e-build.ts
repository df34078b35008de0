import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CHROMIUM } from "../e2e/browser";

/**
 * One production build for every browser test, into its own folder (.next-e2e) so it never
 * clobbers a developer's `.next`. Fails loudly, with the install command, when Chromium is missing.
 *
 * The build (with the type check Next runs inside it) is the slowest part of an e2e run, and it
 * depends only on the app's sources, not on the tests. So a successful build leaves a fingerprint of
 * every source file beside it, and the next run reuses the build when the fingerprint still
 * matches. A fresh clone (CI) always builds; E2E_REBUILD=1 forces a build.
 */
const DIST = ".next-e2e";
const STAMP = path.join(DIST, "caregate-sources.sha256");

export default function setup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Debian's Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  }
  const fingerprint = sourceFingerprint();
  if (fingerprint && process.env.E2E_REBUILD !== "1" && existsSync(path.join(DIST, "BUILD_ID")) && existsSync(STAMP)) {
    if (readFileSync(STAMP, "utf8") === fingerprint) {
      console.log(`e2e: the build in ${DIST} matches the sources; reusing it (E2E_REBUILD=1 builds anyway)`);
      return;
    }
  }
  rmSync(STAMP, { force: true });
  execFileSync("npx", ["next", "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    // No type check inside the build: `npm test` runs tsc after it, over the same sources and the
    // route types the build writes to .next-e2e/types (tsconfig includes them).
    env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1", NEXT_SKIP_TYPECHECK: "1" },
  });
  if (fingerprint) writeFileSync(STAMP, fingerprint);
}

/**
 * SHA-256 over the path and content of every file git tracks or would track (so new, unstaged
 * files count), except tests and docs, plus local .env files (Next reads them at build time) and
 * the Node version. Null outside a git checkout: then every run builds.
 */
function sourceFingerprint(): string | null {
  let files: string[];
  try {
    const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { encoding: "utf8" });
    files = out.split("\0").filter(Boolean);
  } catch {
    return null;
  }
  const hash = createHash("sha256").update(process.version);
  const inputs = files.filter((f) => !/^(tests|docs)\//.test(f) && !f.endsWith(".md"));
  for (const f of [...inputs, ".env", ".env.local", ".env.production", ".env.production.local"].sort()) {
    if (!existsSync(f)) continue; // deleted but still in the index
    hash.update(`\0${f}\0`).update(readFileSync(f));
  }
  return hash.digest("hex");
}
