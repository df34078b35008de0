import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Operation } from "@/lib/openapi/contract";
import { db } from "./db";

/**
 * Every API route module, found by walking app/api (so a new endpoint is covered without anyone
 * remembering to add it), with what it says about itself: the shared zod schema it reads its JSON
 * body with, and the session or role it requires — from its operation when it is declared from its
 * contract (lib/openapi/route.ts), else from its source.
 */
export type Method = "POST" | "PATCH" | "PUT";
export type RouteInfo = {
  file: string;
  /** "/api/auth/reset-password/[token]" */
  pattern: string;
  module: Partial<Record<Method, unknown>>;
  methods: Method[];
  /** The schema passed to readJson (looked up in lib/validation), or null when the body is never read. */
  schema: z.ZodObject | null;
  schemaName: string | null;
  params: string[];
  needsSession: boolean;
  /** Roles allowed by requireRole / requireApprovedDoctor, or null when any signed-in user may call it. */
  roles: string[] | null;
};

const ROOT = process.cwd();

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

async function validationSchemas(): Promise<Record<string, unknown>> {
  const dir = path.join(ROOT, "lib/validation");
  const all: Record<string, unknown> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".ts"))) Object.assign(all, await import(path.join(dir, f)));
  return all;
}

/** The object schema under refinements and pipes (zod 4 keeps refinements on the object itself). */
function objectOf(schema: unknown, name: string): z.ZodObject {
  let s = schema as { shape?: unknown; _zod?: { def: { type: string; in?: unknown } } };
  for (let i = 0; i < 5 && !s.shape && s._zod?.def.type === "pipe"; i++) s = s._zod.def.in as typeof s;
  if (!s.shape) throw new Error(`${name} is not an object schema; teach tests/helpers/routes.ts its shape`);
  return s as unknown as z.ZodObject;
}

const operationOf = (fn: unknown) => (fn as { operation?: Operation } | undefined)?.operation;

export async function discoverRoutes(): Promise<RouteInfo[]> {
  const schemas = await validationSchemas();
  const out: RouteInfo[] = [];
  for (const file of routeFiles(path.join(ROOT, "app/api")).sort()) {
    const source = readFileSync(file, "utf8");
    const routeModule = (await import(file)) as RouteInfo["module"];
    const methods = (["POST", "PATCH", "PUT"] as const).filter((m) => typeof routeModule[m] === "function");
    if (!methods.length) continue;
    const pattern = `/${path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/")}`;
    const params = [...pattern.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]!);
    // A route declared from its contract (lib/openapi/route.ts) says it all in its operation, method by method.
    const declared = methods.filter((m) => operationOf(routeModule[m]));
    for (const method of declared) {
      const op = operationOf(routeModule[method])!;
      const schemaName = op.body ? (Object.keys(schemas).find((k) => schemas[k] === op.body) ?? null) : null;
      if (op.body && !schemaName) throw new Error(`${file}: the ${method} body schema is not exported from lib/validation`);
      out.push({
        file: path.relative(ROOT, file),
        pattern,
        module: routeModule,
        methods: [method],
        schema: schemaName ? objectOf(schemas[schemaName], schemaName) : null,
        schemaName,
        params,
        needsSession: op.auth === "session",
        roles: op.roles ? [...op.roles] : null,
      });
    }
    if (declared.length) {
      if (declared.length < methods.length) throw new Error(`${file} mixes route() and handler(): declare every method from its contract`);
      continue;
    }
    const schemaName = source.match(/readJson\(\s*request\s*,\s*(\w+)\s*\)/)?.[1] ?? null;
    if (schemaName && !(schemaName in schemas)) throw new Error(`${file} reads ${schemaName}, which lib/validation does not export`);
    if (!schemaName && /readJson|request\.(json|text|formData)\(/.test(source)) {
      throw new Error(`${file} reads its body in a way tests/helpers/routes.ts does not recognise`);
    }
    const roleList = source.match(/requireRole\(\s*request\s*,\s*\[([^\]]*)\]/)?.[1];
    const roles = /requireApprovedDoctor/.test(source)
      ? ["doctor"]
      : roleList
        ? [...roleList.matchAll(/"(\w+)"/g)].map((m) => m[1]!)
        : null;
    out.push({
      file: path.relative(ROOT, file),
      pattern,
      module: routeModule,
      methods: [...methods],
      schema: schemaName ? objectOf(schemas[schemaName], schemaName) : null,
      schemaName,
      params,
      needsSession: roles !== null || /requireSession|requireRole|requireApprovedDoctor/.test(source),
      roles,
    });
  }
  return out;
}

/**
 * The rows a request could have touched, as text: in every table (throttles aside — the per-IP
 * limit counts every request by design), those of the given accounts (`id`/`user_id`/`actor_id`)
 * and any mentioning `marker` (the domain of every email a test body carries). Scoped rather than
 * whole-database, because on PostgreSQL other test files write to the same database meanwhile.
 * `last_seen_at` is left out: a session's use may refresh it once a minute (not a change of state).
 */
export async function snapshot(userIds: string[], marker: string): Promise<Record<string, string[]>> {
  const d = await db();
  // Both drivers (node-postgres, PGlite) answer with { rows }.
  const query = async <T>(q: ReturnType<typeof sql>) => ((await d.execute(q)) as unknown as { rows: T[] }).rows;
  const tables = await query<{ table_name: string }>(sql`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'throttles' order by table_name`);
  const out: Record<string, string[]> = {};
  const ids = sql.join(userIds.map((id) => sql`${id}::text`), sql`, `);
  for (const { table_name } of tables) {
    const cols = (
      await query<{ column_name: string }>(sql`
        select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table_name}`)
    ).map((r) => r.column_name);
    const keyed = ["user_id", "actor_id", ...(table_name === "users" ? ["id"] : [])].filter((c) => cols.includes(c));
    const byAccount = keyed.map((c) => sql`${sql.identifier(c)}::text in (${ids})`);
    const where = sql.join([...byAccount, sql`to_jsonb(t)::text like ${`%${marker}%`}`], sql` or `);
    const rows = await query<{ r: string }>(
      sql`select (to_jsonb(t) - 'last_seen_at')::text as r from ${sql.identifier(table_name)} t where ${where} order by 1`,
    );
    out[table_name] = rows.map((x) => x.r);
  }
  return out;
}
