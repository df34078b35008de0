import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mailQueue } from "@/lib/db/schema";
import { ensureMailSender, MAIL_CHANNEL } from "./sender";
import type { Message } from "./transport";

/**
 * Queues a message in the caller's transaction (docs/RULES.md "Email delivery"): it exists exactly
 * when the change that causes it commits, and no answer ever waits on SMTP. The NOTIFY is delivered
 * at commit to every instance's sender, so one of them sends it at once.
 *
 * `expiresAt`: for a message that carries a code, the code's deadline; once past it the message is
 * dropped rather than delivered late.
 */
export async function enqueueMail(tx: Db, message: Message, opts: { userId?: string | null; expiresAt?: SQL | null } = {}): Promise<void> {
  await tx.insert(mailQueue).values({ ...message, userId: opts.userId ?? null, expiresAt: opts.expiresAt ?? null });
  await tx.execute(sql`select pg_notify(${MAIL_CHANNEL}, '')`);
  ensureMailSender();
}
