import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { mailBacklog } from "@/lib/mail/sender";

/**
 * GET /api/health (docs/RULES.md "API: operations"): a real round trip to the database, and the
 * mail queue's backlog (a growing `oldestPendingSeconds` means SMTP is refusing). Throws when the
 * database does not answer.
 */
export async function checkHealth() {
  const db = await getDb();
  await db.execute(sql`select 1`);
  return { status: "ok" as const, database: "ok" as const, mail: await mailBacklog() };
}
