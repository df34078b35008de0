import "server-only";
import { desc, eq } from "drizzle-orm";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { outbox } from "@/lib/db/schema";

/**
 * The local outbox behind /dev/mailbox. It holds live codes and reset links, so it is readable
 * only in development and only when mail really stays local (no SMTP_URL).
 */
export function outboxIsReadable(): boolean {
  return process.env.NODE_ENV !== "production" && !config().SMTP_URL;
}

export type OutboxMessage = typeof outbox.$inferSelect;

/** Newest first (by id: created_at can tie within one transaction). Optionally one recipient only. */
export async function listOutbox(limit = 50, to?: string): Promise<OutboxMessage[]> {
  const db = await getDb();
  const n = Math.min(Math.max(1, Math.floor(limit)), 500);
  const query = db.select().from(outbox);
  return (to ? query.where(eq(outbox.to, to)) : query).orderBy(desc(outbox.id)).limit(n);
}
