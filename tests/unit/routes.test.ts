import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contracts } from "@/app/api/contracts";
import { type Contract, METHODS, type Operation } from "@/lib/openapi/contract";
import { API_DIR, routeFiles } from "../helpers/contracts";

/**
 * A route is declared once (docs/API.md "Adding a contract"): a handler made with route() runs with
 * the very operation the document is built from, and a route file written that way does not check
 * a session, a role, an id, a query or a body itself — those come from the operation.
 */

/** The folders whose routes are all declared from their contracts (every folder of app/api but the catch-all). */
const DECLARED = [
  "/api/auth",
  "/api/users",
  "/api/audit",
  "/api/health",
  "/api/openapi.json",
  "/api/account",
  "/api/unsubscribe",
  "/api/records",
  "/api/patients",
  "/api/grants",
  "/api/doctors",
];
const isDeclared = (apiPath: string) => DECLARED.some((p) => apiPath === p || apiPath.startsWith(`${p}/`));

const operationOf = (fn: unknown) => (fn as { operation?: Operation } | undefined)?.operation;

describe("routes declared from their contracts", () => {
  const byPath = new Map<string, Contract>(contracts.map((c) => [c.path, c]));

  it("run with the operation their contract lists, method by method", async () => {
    let declared = 0;
    for (const file of routeFiles(API_DIR)) {
      const mod = (await import(file.file)) as Record<string, unknown>;
      for (const method of METHODS.filter((m) => typeof mod[m] === "function")) {
        const op = operationOf(mod[method]);
        if (!op) continue;
        declared++;
        expect(op, `${method} ${file.path} runs with an operation that is not ${method} of its contract`).toBe(byPath.get(file.path)?.[method]);
      }
    }
    expect(declared).toBeGreaterThanOrEqual(35);
    // Importing every route module compiles most of the server: seconds on a busy machine.
  }, 60_000);

  it("cover every route of the converted folders, which check nothing the operation already says", async () => {
    const files = routeFiles(API_DIR).filter((f) => isDeclared(f.path));
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const file of files) {
      const where = path.relative(process.cwd(), file.file);
      const mod = (await import(file.file)) as Record<string, unknown>;
      for (const method of METHODS.filter((m) => typeof mod[m] === "function")) {
        expect(operationOf(mod[method]), `${method} in ${where}: declare it with route(contract.${method}, …)`).toBeDefined();
      }
      const source = readFileSync(file.file, "utf8");
      for (const pattern of [/require(Session|Role|ApprovedDoctor|Access)\b/, /\bhandler\(/, /readJson|readQuery/, /await params|z\.(uuid|guid)|isId/]) {
        expect(source, `${where} does itself what its contract says`).not.toMatch(pattern);
      }
    }
  });
});
