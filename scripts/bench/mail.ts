import { sql } from "drizzle-orm";
import type { MailCapture } from "./smtp";

/**
 * Mail queue throughput (docs/PERFORMANCE.md "Mail queue"): `count` messages queued in one statement, then delivered by the
 * app's own sender round (lib/mail/sender.ts `sendDue`, exactly what the background sender loops
 * on) to the benchmark's SMTP capture. Runs in the benchmark process once the server has stopped,
 * on the same database (the PGlite folder is free again then; on PostgreSQL the server's own sender
 * is gone, so nothing else claims the rows). The capture parses every message in this process too.
 */
export type MailResult = { queued: number; sent: number; seconds: number; perSecond: number; queueSeconds: number; backlog: number };

export async function measureMailQueue(
  env: { DATA_DIR: string; DATABASE_URL: string; SMTP_URL: string; AUTH_SECRET: string },
  mail: MailCapture,
  runId: string,
  count: number,
): Promise<MailResult> {
  Object.assign(process.env, env, { NODE_ENV: "production", LOG_LEVEL: "warn" });
  // The app reads its configuration once per process; this process may have read it before.
  (globalThis as { __caregateConfig?: unknown }).__caregateConfig = undefined;
  const { closeDb, getDb } = await import("@/lib/db/client");
  const { sendDue } = await import("@/lib/mail/sender");
  const db = await getDb();
  try {
    // The signup scenario queues mail faster than one sender delivers it: what is still queued from
    // it is set aside (this is the benchmark's own database), so the figure is for `count` messages.
    const backlog = (await db.execute(sql`
      update mail_queue set status = 'dropped', last_error = 'benchmark: set aside'
      where status in ('pending', 'sending') returning id`)) as unknown as { rows: unknown[] };
    const before = mail.received();
    let t = performance.now();
    await db.execute(sql`
      insert into mail_queue ("to", subject, text, html)
      select 'mail-' || ${runId} || '-' || g || '@example.com', 'CareGate benchmark ' || g,
        'Your code is' || chr(10) || lpad((g % 1000000)::text, 6, '0') || chr(10) || 'It expires in 10 minutes.',
        '<p>Your code is</p><p><strong>' || lpad((g % 1000000)::text, 6, '0') || '</strong></p>'
      from generate_series(1, ${count}::int) g`);
    const queueSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    // The background sender's loop: rounds back to back while they find work.
    while ((await sendDue()) > 0);
    // Delivery is confirmed by the SMTP server's 250 before a row is marked sent; the capture
    // may still be parsing the last few, so wait for its count too.
    const deadline = Date.now() + 30_000;
    while (mail.received() - before < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const seconds = (performance.now() - t) / 1000;
    const sent = mail.received() - before;
    await db.execute(sql`delete from mail_queue where "to" like ${`mail-${runId}-%`}`);
    return { queued: count, sent, seconds, perSecond: sent / seconds, queueSeconds, backlog: backlog.rows.length };
  } finally {
    await closeDb();
  }
}
