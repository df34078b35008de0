import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The module boundaries of docs/ARCHITECTURE.md are enforced by lint (eslint.config.mjs). These
 * fixtures are linted as if they sat at the named paths: each forbidden import must be reported.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("module boundaries (lint)", () => {
  it("a page that imports the database fails lint", async () => {
    const code = `import { getDb } from "@/lib/db/client";\nexport default async function Page() { await getDb(); return null; }\n`;
    expect(await restrictedImports(code, "app/fixture/page.tsx")).toHaveLength(1);
  });

  it("a route handler that imports drizzle or the schema fails lint", async () => {
    const code = `import { sql } from "drizzle-orm";\nimport { users } from "@/lib/db/schema";\nexport const GET = () => Response.json({ sql, users });\n`;
    expect(await restrictedImports(code, "app/api/fixture/route.ts")).toHaveLength(2);
  });

  it("a component that imports a server module fails lint; a type-only import and the error codes pass", async () => {
    const bad = `import { login } from "@/lib/auth/flows/login";\nimport { config } from "@/lib/config";\nexport const x = [login, config];\n`;
    expect(await restrictedImports(bad, "components/fixture/Bad.tsx")).toHaveLength(2);
    const ok = `import type { PublicUser } from "@/lib/auth/users";\nimport { ERRORS } from "@/lib/http/error-codes";\nexport const y: PublicUser | null = null;\nexport const z = ERRORS;\n`;
    expect(await restrictedImports(ok, "components/fixture/Ok.tsx")).toEqual([]);
  });

  it("the shared layers lib/http and lib/validation may not import a domain module", async () => {
    const http = `import { audit } from "@/lib/audit";\nimport { requireSession } from "@/lib/auth/session/sessions";\nexport const x = [audit, requireSession];\n`;
    expect(await restrictedImports(http, "lib/http/fixture.ts")).toHaveLength(2);
    const validation = `import type { PublicUser } from "@/lib/auth/users";\nexport type X = PublicUser;\n`;
    expect(await restrictedImports(validation, "lib/validation/fixture.ts")).toHaveLength(1);
    const shared = `import { config } from "@/lib/config";\nimport { getDb } from "@/lib/db/client";\nexport const y = [config, getDb];\n`;
    expect(await restrictedImports(shared, "lib/http/fixture.ts")).toEqual([]);
  });

  it("browser helpers in lib/client may not import node built-ins or server-only", async () => {
    const code = `import "server-only";\nimport { readFileSync } from "node:fs";\nexport const r = readFileSync;\n`;
    expect(await restrictedImports(code, "lib/client/fixture.ts")).toHaveLength(2);
  });
}, 60_000);

describe("server modules", () => {
  // drizzle-kit reads the schema outside Next's react-server build, where "server-only" throws.
  const EXEMPT = new Set(["lib/db/schema.ts", "lib/db/schema/accounts.ts", "lib/db/schema/records.ts", "lib/db/schema/mfa.ts", "lib/db/schema/notifications.ts", "lib/db/schema/columns.ts"]);
  const BROWSER_SAFE = /^lib\/(client|validation|i18n)\/|^lib\/http\/error-codes\.ts$|^lib\/db\/migrations\//;

  it('every module under lib/ that is not browser-safe starts with import "server-only"', () => {
    const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "lib"], { encoding: "utf8" })
      .split("\n")
      .filter((f) => /\.tsx?$/.test(f) && !BROWSER_SAFE.test(f) && !EXEMPT.has(f));
    expect(files.length).toBeGreaterThan(20);
    const missing = files.filter((f) => !readFileSync(f, "utf8").startsWith('import "server-only";'));
    expect(missing).toEqual([]);
  });
});
