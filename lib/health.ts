import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";

/** GET /api/health: a real round trip to the database. Throws when it does not answer. */
export async function checkHealth(): Promise<{ status: "ok"; database: "ok" }> {
  const db = await getDb();
  await db.execute(sql`select 1`);
  return { status: "ok", database: "ok" };
}
