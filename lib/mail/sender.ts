import "server-only";
import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { getDb, listen } from "@/lib/db/client";
import { log } from "@/lib/log";
import { mailQueue } from "@/lib/db/schema";
import { closeMailTransport, deliver, deliveryErrorSummary, mailIsLocal } from "./transport";

/**
 * The background sender (docs/RULES.md "Email delivery"; docs/DECISIONS.md "Mail queue"). One per
 * process, started on first use and at server start. It claims due rows with FOR UPDATE SKIP
 * LOCKED, so several instances on one database never claim the same row, and holds each claim as
 * a lease (`locked_until`) rather than an open transaction: an SMTP conversation must not pin a
 * database connection (PGlite has only one). A crash mid-send leaves the lease to expire and the
 * row is retried. It wakes on NOTIFY (sent at commit by enqueueMail, to every instance) and also
 * polls, which covers retries coming due and a lost listener connection.
 *
 * Hand-written rather than pg-boss or graphile-worker: their current majors need Node 22, and the
 * whole claim/lease/retry cycle is three statements.
 */
export const MAIL_CHANNEL = "caregate_mail";
const BATCH = 20;
const POLL_MS = 2000;
const LEASE_SECONDS = 300; // longer than the transport's own time-outs (see transport.ts)
const GIVE_UP_SECONDS = 24 * 3600;
const MAX_BACKOFF_SECONDS = 300;

type Sender = { wake: () => void; stop: () => Promise<void> };
const g = globalThis as unknown as { __caregateMailSender?: Sender };

export function ensureMailSender(): void {
  g.__caregateMailSender ??= startSender();
}

/** Stops this process's sender (tests, shutdown). Rows it had not sent stay queued for the next one. */
export async function stopMailSender(): Promise<void> {
  const s = g.__caregateMailSender;
  g.__caregateMailSender = undefined;
  await s?.stop();
  closeMailTransport();
}

function startSender(): Sender {
  let stopped = false;
  let woken = false;
  let resolveWait: (() => void) | null = null;
  const wake = () => {
    woken = true;
    resolveWait?.();
  };
  const unlisten = listen(MAIL_CHANNEL, wake).catch(() => null);

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopped) return resolve();
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      resolveWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let worked = 0;
      try {
        worked = await sendDue();
      } catch (e) {
        if (!stopped) log.error({ err: e }, "mail sender round failed");
      }
      if (!worked) await pause(POLL_MS);
    }
  })();

  return {
    wake,
    stop: async () => {
      stopped = true;
      wake();
      await loop;
      await (await unlisten)?.();
    },
  };
}

/**
 * What stays of a code or link email (one with `expiresAt`) once it is delivered or dropped: a
 * queue row must not keep a working credential in plain text for days. In the local outbox the row
 * *is* the delivery, so there it is blanked once the code is dead (lib/ops/retention.ts).
 */
export const BLANKED_BODY = "[removed: this message held a one-time code or link]";
const blankIfCode = (column: typeof mailQueue.text | typeof mailQueue.html) =>
  sql`CASE WHEN ${mailQueue.expiresAt} IS NOT NULL THEN ${BLANKED_BODY} ELSE ${column} END`;

/** One round: give up on what is dead, claim what is due, deliver it. Returns how many rows it handled. */
export async function sendDue(): Promise<number> {
  const db = await getDb();
  const q = mailQueue;
  const dropped = await db
    .update(q)
    .set({
      status: "dropped",
      lockedUntil: null,
      text: blankIfCode(q.text),
      html: blankIfCode(q.html),
      lastError: sql`CASE WHEN ${q.expiresAt} <= now() THEN 'code expired' ELSE 'undeliverable for 24 hours' END`,
    })
    .where(
      and(
        inArray(q.status, ["pending", "sending"]),
        sql`(${q.lockedUntil} IS NULL OR ${q.lockedUntil} <= now())`,
        sql`(${q.expiresAt} <= now() OR ${q.createdAt} <= now() - make_interval(secs => ${GIVE_UP_SECONDS}))`,
      ),
    )
    .returning({ id: q.id, userId: q.userId, reason: q.lastError });
  for (const d of dropped) await auditInsert(db, "mail_dropped", null, d.userId, { mailId: d.id, reason: d.reason });

  const due = db
    .select({ id: q.id })
    .from(q)
    .where(or(and(eq(q.status, "pending"), lte(q.nextAttemptAt, sql`now()`)), and(eq(q.status, "sending"), lte(q.lockedUntil, sql`now()`))))
    .orderBy(q.id)
    .limit(BATCH)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(q)
    .set({ status: "sending", attempts: sql`${q.attempts} + 1`, lockedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where(inArray(q.id, due))
    .returning();

  // UPDATE … RETURNING gives no order; deliver oldest first, so one person's emails arrive as queued.
  claimed.sort((a, b) => a.id - b.id);
  for (const m of claimed) {
    const mine = and(eq(q.id, m.id), eq(q.status, "sending"), eq(q.attempts, m.attempts));
    try {
      await deliver({ to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
      const blank = mailIsLocal() ? {} : { text: blankIfCode(q.text), html: blankIfCode(q.html) };
      await db.update(q).set({ status: "sent", sentAt: sql`now()`, lockedUntil: null, lastError: null, ...blank }).where(mine);
    } catch (e) {
      const backoff = sql`make_interval(secs => least(power(2, ${m.attempts} - 1), ${MAX_BACKOFF_SECONDS}))`;
      await db
        .update(q)
        .set({ status: "pending", lockedUntil: null, nextAttemptAt: sql`now() + ${backoff}`, lastError: deliveryErrorSummary(e) })
        .where(mine);
      log.warn({ mailId: m.id, attempts: m.attempts, error: deliveryErrorSummary(e) }, "mail delivery failed; will retry");
    }
  }
  return dropped.length + claimed.length;
}

/** For GET /api/health: messages not yet delivered, and how long the oldest has waited. */
export async function mailBacklog(): Promise<{ pending: number; oldestPendingSeconds: number }> {
  const db = await getDb();
  const [row] = await db
    .select({
      pending: sql<number>`count(*)::int`,
      oldest: sql<number | null>`extract(epoch from now() - min(${mailQueue.createdAt}))::float8`,
    })
    .from(mailQueue)
    .where(inArray(mailQueue.status, ["pending", "sending"]));
  return { pending: Number(row?.pending ?? 0), oldestPendingSeconds: Math.max(0, Math.floor(Number(row?.oldest ?? 0))) };
}
