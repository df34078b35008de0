import "server-only";
import { desc, eq } from "drizzle-orm";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { mailQueue } from "@/lib/db/schema";

/**
 * /dev/mailbox reads the mail queue when mail stays local (no SMTP_URL). It holds live codes and
 * reset links, so it is readable only outside production, or in production when the operator
 * explicitly chose the local outbox for a demo (MAIL_OUTBOX=1; docs/DECISIONS.md "The local outbox").
 */
export function outboxIsReadable(): boolean {
  const cfg = config();
  if (cfg.SMTP_URL) return false;
  return cfg.NODE_ENV !== "production" || cfg.MAIL_OUTBOX;
}

export type OutboxMessage = { id: number; to: string; subject: string; text: string; createdAt: Date; status: string };

/** Newest first (by id: created_at can tie within one transaction). Optionally one recipient only. */
export async function listOutbox(limit = 50, to?: string): Promise<OutboxMessage[]> {
  const db = await getDb();
  const n = Math.min(Math.max(1, Math.floor(limit)), 500);
  const q = mailQueue;
  const query = db.select({ id: q.id, to: q.to, subject: q.subject, text: q.text, createdAt: q.createdAt, status: q.status }).from(q);
  const rows = await (to ? query.where(eq(q.to, to)) : query).orderBy(desc(q.id)).limit(n);
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}
