import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { json } from "@/lib/http/handler";

/** Liveness plus a real round trip to the database; 503 when it does not answer. */
export async function GET(): Promise<Response> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return json({ status: "ok", database: "ok" });
  } catch (e) {
    console.error("[caregate] health check: database unreachable:", (e as Error).message);
    return json({ status: "error", database: "unreachable" }, 503);
  }
}
