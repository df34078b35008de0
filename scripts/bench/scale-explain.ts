import { createHash, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import pg from "pg";
import { emailPrefixOf, surnameOf } from "./scale-seed";

/**
 * The EXPLAIN and retention part of `npm run bench -- --scale` (scale.ts): the app's own services run
 * in this process against the seeded database, their SQL is captured and EXPLAINed into a file, and
 * the retention job is timed.
 */
export function scaleId(n: number): string {
  const h = createHash("md5").update(`cg-scale-${n}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Captured = { text: string; values?: unknown[] };

/**
 * Runs the app's own services in this process against the big database (the same code the server
 * runs), records the SQL they send, and EXPLAINs it (ANALYZE inside a rolled-back transaction, so
 * the retention job's deletes leave nothing behind). Then times the job itself, twice: the first
 * run clears the seeded backlog, the second is the steady state every five minutes.
 */
export async function explainAndRetention(url: string, N: number, file: string, log: (m: string) => void) {
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const captured: Captured[] = [];
  let capturing = false;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (capturing) {
      const [a, b] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      // drizzle passes (config, params); others pass (text, params) or (config with values).
      const values = Array.isArray(b) ? b : typeof a === "string" ? undefined : a.values;
      captured.push({ text: typeof a === "string" ? a : a.text, values });
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;

  const { listUsers } = await import("@/lib/admin/users");
  const { listSecurityEvents } = await import("@/lib/audit/query");
  const { runRetention } = await import("@/lib/ops/retention");
  const { closeDb } = await import("@/lib/db/client");
  const { UserListQuerySchema, AuditQuerySchema } = await import("@/lib/validation/admin");

  const cases: [string, () => Promise<unknown>][] = [
    ["search: email prefix", () => listUsers(UserListQuerySchema.parse({ q: emailPrefixOf(Math.floor(N / 1000) + 7) }))],
    ["search: surname fragment", () => listUsers(UserListQuerySchema.parse({ q: surnameOf(4242).slice(1) }))],
    ["search: first name (common)", () => listUsers(UserListQuerySchema.parse({ q: "Sofia" }))],
    ["list: role=doctor page 40", () => listUsers(UserListQuerySchema.parse({ role: "doctor", page: "40" }))],
    ["list: approval=pending page 1", () => listUsers(UserListQuerySchema.parse({ approval: "pending" }))],
    ["list: status=suspended page 1", () => listUsers(UserListQuerySchema.parse({ status: "suspended" }))],
    ["audit: by user", () => listSecurityEvents(AuditQuerySchema.parse({ userId: scaleId(4242), limit: "5" }))],
    ["audit: one day", () => listSecurityEvents(AuditQuerySchema.parse({ from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), to: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) }))],
    ["audit: signin_failed newest", () => listSecurityEvents(AuditQuerySchema.parse({ event: "signin_failed" }))],
  ];
  const out: string[] = [];
  const explainer = new pg.Client({ connectionString: url });
  await explainer.connect();
  const explainAll = async (label: string, statements: Captured[]) => {
    for (const s of statements) {
      if (/^\s*(begin|commit|rollback|explain|select pg_try_advisory)/i.test(s.text)) continue;
      await explainer.query("begin");
      try {
        // Values inlined: an unnamed statement is planned for its values anyway (a custom plan).
        const inlined = s.text.replace(/\$(\d+)/g, (_, i: string) => literal(explainer, s.values?.[Number(i) - 1]));
        const { rows } = await explainer.query(`explain (analyze, buffers) ${inlined}`);
        out.push(`### ${label}\n${s.text}\n-- params: ${JSON.stringify(s.values ?? [])}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
      } finally {
        await explainer.query("rollback");
      }
    }
  };
  try {
    for (const [label, fn] of cases) {
      await fn(); // warm: plans and pages, as the server's would be
      captured.length = 0;
      capturing = true;
      await fn();
      capturing = false;
      await explainAll(label, [...captured]);
    }
    captured.length = 0;
    capturing = true;
    const retention: { label: string; ms: number; deleted: string }[] = [];
    const r1 = await timedRetention(runRetention);
    capturing = false;
    const retentionStatements = [...captured];
    retention.push({ label: "first run (seeded backlog)", ...r1 });
    retention.push({ label: "second run (steady state)", ...(await timedRetention(runRetention)) });
    await explainAll("retention (statements of the second run's kind)", retentionStatements);
    writeFileSync(file, out.join("\n"));
    log(`retention: ${retention.map((r) => `${r.label} ${r.ms.toFixed(0)} ms`).join(", ")}`);
    return { retention };
  } finally {
    pg.Client.prototype.query = original;
    await explainer.end();
    await closeDb();
  }
}

function literal(c: pg.Client, v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return c.escapeLiteral(v.toISOString());
  return c.escapeLiteral(typeof v === "string" ? v : JSON.stringify(v));
}

async function timedRetention(runRetention: () => Promise<Record<string, unknown>>) {
  const t = performance.now();
  const report = await runRetention();
  const ms = performance.now() - t;
  const deleted = Object.entries(report)
    .filter(([k, v]) => k !== "skipped" && typeof v === "number" && v > 0)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return { ms, deleted: deleted || "nothing" };
}
