import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { mailBacklog } from "@/lib/mail/sender";
import { pingClamd } from "@/lib/scan/clamd";

/**
 * GET /api/health (docs/RULES.md "API: operations"): a real round trip to the database, the mail
 * queue's backlog (a growing `oldestPendingSeconds` means SMTP is refusing) and, when one is
 * configured, a PING to the virus scanner — uploads fail while it is down, so the instance is not
 * healthy either.
 */
export type Health =
  | { ok: true; body: { status: "ok"; database: "ok"; mail: Awaited<ReturnType<typeof mailBacklog>>; scanner: "ok" | "off" } }
  | { ok: false; body: { status: "error"; database: "ok" | "unreachable"; scanner: "ok" | "off" | "unreachable" } };

export async function checkHealth(): Promise<Health> {
  const address = config().CLAMD_URL;
  const [database, scanner] = await Promise.all([
    databaseAnswers(),
    address ? pingClamd(address).then((up) => (up ? ("ok" as const) : ("unreachable" as const))) : ("off" as const),
  ]);
  if (database !== "ok" || scanner === "unreachable") {
    return { ok: false, body: { status: "error", database: database === "ok" ? "ok" : "unreachable", scanner } };
  }
  return { ok: true, body: { status: "ok", database: "ok", mail: await mailBacklog(), scanner } };
}

async function databaseAnswers(): Promise<"ok" | Error> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return "ok";
  } catch (e) {
    log.error({ err: e }, "health check: database unreachable");
    return e as Error;
  }
}
