import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { contracts } from "@/app/api/contracts";
import { type Contract, METHODS, type Method, operationsOf } from "@/lib/openapi/contract";
import type { OpenApiDocument } from "@/lib/openapi/document";
import { errorBodySchema, type ResolvedResponse, resolveResponses } from "@/lib/openapi/responses";

/**
 * The link between route files and their contracts (docs/API.md): which routes exist on disk, the
 * check that every one is documented (tests/unit/openapi.test.ts), and the check that every answer
 * an integration test receives matches what the contract documents for its status (tests/helpers/http.ts).
 */

export const API_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../app/api");

export type RouteFile = { file: string; path: string };

/** `app/api/auth/sessions/[id]/route.ts` → `/api/auth/sessions/{id}`; route groups vanish; the catch-all is left out. */
export function routeFiles(apiDir: string = API_DIR): RouteFile[] {
  const found: RouteFile[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        if (name.startsWith("[...") || name.startsWith("[[...") || name.startsWith("_")) continue;
        const segment = /^\(.*\)$/.test(name) ? [] : [name.replace(/^\[(\w+)\]$/, "{$1}")];
        walk(path.join(dir, name), [...segments, ...segment]);
      } else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) {
        found.push({ file: path.join(dir, entry.name), path: `/api${segments.map((s) => `/${s}`).join("")}` });
      }
    }
  };
  walk(apiDir, []);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

type RouteModule = Record<string, unknown>;
const exportedMethods = (mod: RouteModule) => METHODS.filter((m) => typeof mod[m] === "function");
const dirOf = (apiDir: string, apiPath: string) => path.join(apiDir, ...apiPath.replace(/^\/api\/?/, "").split("/").filter(Boolean).map((s) => s.replace(/^\{(\w+)\}$/, "[$1]")));

/**
 * Everything that keeps routes and document honest with each other, as a list of problems:
 * a route method the document lacks, a documented operation with no route, a contract that is not
 * beside its route, and a per-IP limit the route applies but the contract does not declare (or the reverse).
 */
export async function contractProblems(apiDir: string, document: OpenApiDocument, list: readonly Contract[]): Promise<string[]> {
  const problems: string[] = [];
  const routes = new Map<string, RouteModule>();
  for (const route of routeFiles(apiDir)) {
    const mod = (await import(route.file)) as RouteModule;
    routes.set(route.path, mod);
    for (const method of exportedMethods(mod)) {
      if (!document.paths[route.path]?.[lower(method)]) {
        problems.push(`${method} ${route.path} has no contract: declare it in ${path.relative(apiDir, path.dirname(route.file)) || "."}/contract.ts and list that in app/api/contracts.ts`);
      }
    }
  }
  for (const [apiPath, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      if (item[lower(method)] && typeof routes.get(apiPath)?.[method] !== "function") {
        problems.push(`${method} ${apiPath} is documented but no route answers it`);
      }
    }
  }
  for (const contract of list) {
    const file = path.join(dirOf(apiDir, contract.path), "contract.ts");
    const beside = existsSync(file) ? ((await import(file)) as { contract?: unknown }).contract : undefined;
    if (beside !== contract) problems.push(`the contract of ${contract.path} must be exported as \`contract\` from ${path.relative(apiDir, file)}`);
    const mod = routes.get(contract.path);
    for (const [method, op] of operationsOf(contract)) {
      const applied = Boolean((mod?.[method] as { options?: { ipLimit?: boolean } } | undefined)?.options?.ipLimit);
      if (mod?.[method] && applied !== Boolean(op.ipLimit)) {
        problems.push(`${method} ${contract.path}: the route ${applied ? "applies" : "does not apply"} the per-IP limit but its contract says ipLimit: ${Boolean(op.ipLimit)}`);
      }
    }
  }
  return problems;
}

const lower = (m: Method) => m.toLowerCase() as Lowercase<Method>;

// ---- response checks for tests/helpers/http.ts -------------------------------------------------

type Documented = { where: string; responses: ResolvedResponse[] } | { where: string; catchAll: true };
let byHandler: Promise<Map<unknown, Documented>> | undefined;

/** Maps each route handler function to its documented responses, importing every route once per test file. */
function handlerIndex(): Promise<Map<unknown, Documented>> {
  byHandler ??= (async () => {
    const index = new Map<unknown, Documented>();
    const byPath = new Map<string, Contract>(contracts.map((c) => [c.path, c]));
    for (const route of routeFiles()) {
      const mod = (await import(route.file)) as RouteModule;
      const contract = byPath.get(route.path);
      for (const method of exportedMethods(mod)) {
        const op = contract?.[method];
        if (op) index.set(mod[method], { where: `${method} ${route.path}`, responses: resolveResponses(method, op) });
      }
    }
    const catchAll = (await import("@/app/api/[...path]/route")) as RouteModule;
    for (const method of exportedMethods(catchAll)) index.set(catchAll[method], { where: `${method} /api/<unknown>`, catchAll: true });
    return index;
  })();
  return byHandler;
}

const NOT_FOUND_BODY = errorBodySchema(["NOT_FOUND"]);

/**
 * Throws unless the answer is one the handler's contract documents: a declared status, a body that
 * matches that status's schema (error codes included), and the documented headers (Retry-After on 429).
 */
export async function assertDocumented(handler: unknown, answer: { status: number; body: unknown; headers: Headers }): Promise<void> {
  const documented = (await handlerIndex()).get(handler);
  if (!documented) throw new Error("This route handler has no contract (see docs/API.md \"Adding a contract\").");
  const fail = (why: string) => {
    throw new Error(`${documented.where} answered ${answer.status} ${JSON.stringify(answer.body)}, which its contract does not document: ${why}`);
  };
  if ("catchAll" in documented) {
    if (answer.status !== 404 || !NOT_FOUND_BODY.safeParse(answer.body).success) fail("unknown paths answer 404 NOT_FOUND");
    return;
  }
  const r = documented.responses.find((x) => x.status === answer.status);
  if (!r) return fail(`documented statuses are ${documented.responses.map((x) => x.status).join(", ")}`);
  const type = answer.headers.get("content-type") ?? "";
  if (r.kind === "binary") {
    if (!r.contentTypes.some((t) => type.startsWith(t))) fail(`expected one of ${r.contentTypes.join(", ")}, got ${type}`);
  } else {
    if (!type.startsWith("application/json")) fail(`expected JSON, got ${type || "no Content-Type"}`);
    const parsed = r.schema.safeParse(answer.body);
    if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  if (r.status === 429 && !/^[1-9][0-9]*$/.test(answer.headers.get("retry-after") ?? "")) fail("a 429 carries Retry-After (whole seconds)");
}
