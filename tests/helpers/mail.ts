import { and, inArray, sql } from "drizzle-orm";
import { mailQueue } from "@/lib/db/schema";
import { sleep } from "./arrange";
import { db } from "./db";
import { startSmtpCapture } from "./smtp";

/**
 * The integration tests' mail: one SMTP capture per test worker, started on import and shared by the
 * setup file (which points SMTP_URL at it and empties it before each test file) and the test file
 * (`mail.waitFor`, `mail.to`, `setFailing`), and `settle()`, which waits for the app's mail queue to drain.
 */
export const mail = await startSmtpCapture();

/**
 * Waits until the mail queue has nothing left to send (the capture receives a message before the
 * sender marks it sent), then a moment more — so "no email was sent" assertions are meaningful and
 * "this email arrived" ones need no guessing. Gives up waiting after 10 s (e.g. while SMTP refuses).
 */
export async function settle(): Promise<void> {
  const deadline = Date.now() + 10_000;
  const busy = inArray(mailQueue.status, ["pending", "sending"]);
  while (Date.now() < deadline) {
    const [row] = await (await db()).select({ n: sql<number>`count(*)::int` }).from(mailQueue).where(and(busy, sql`${mailQueue.nextAttemptAt} <= now() + interval '1 second'`));
    if (Number(row!.n) === 0) break;
    await sleep(50);
  }
  await sleep(100);
}

/**
 * The email to `to` with this subject, waiting for it if need be: for tests where other emails
 * (a "record viewed" notice, say) may arrive in between, so counting them would guess at the order.
 */
export async function mailWithSubject(to: string, subject: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mail.to(to).find((m) => m.subject === subject);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email "${subject}" to ${to}; got: ${mail.to(to).map((m) => m.subject).join(" | ")}`);
    await sleep(50);
  }
}
