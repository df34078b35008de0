import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";

/**
 * `headers`: extra headers of this message only, e.g. List-Unsubscribe on optional emails
 * (docs/NOTIFICATIONS.md "Unsubscribe"). Security emails carry none.
 */
export type Message = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> | null };

/**
 * Where the sender hands a message: SMTP when SMTP_URL is set (nodemailer parses the URL, including
 * smtps:// and credentials), otherwise the local outbox — the queue row itself, marked sent and
 * shown at /dev/mailbox — so there is nothing to do here.
 */
const g = globalThis as unknown as { __caregateMailer?: { url: string; transporter: Transporter } };

export function mailIsLocal(): boolean {
  return !config().SMTP_URL;
}

export async function deliver(message: Message): Promise<void> {
  const cfg = config();
  if (!cfg.SMTP_URL) return;
  if (g.__caregateMailer?.url !== cfg.SMTP_URL) {
    g.__caregateMailer?.transporter.close();
    // Time-outs well inside the sender's lease (sender.ts), so a hung server cannot make two
    // instances deliver the same message. A pooled connection is reused from message to message.
    // The URL goes *inside* the options: `createTransport(url, options)` takes its second argument
    // as message defaults, which silently left every message on a new, unpooled connection with
    // nodemailer's default time-outs (up to 10 minutes). tests/integration/mail-transport.test.ts.
    const options = { url: cfg.SMTP_URL, pool: true, maxConnections: 2, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
    g.__caregateMailer = { url: cfg.SMTP_URL, transporter: nodemailer.createTransport(options) };
  }
  const { headers, ...rest } = message;
  await g.__caregateMailer.transporter.sendMail({ from: cfg.EMAIL_FROM, ...rest, ...(headers ? { headers } : {}) });
}

/** Closes the pooled SMTP connections (when the sender stops: shutdown, tests). */
export function closeMailTransport(): void {
  g.__caregateMailer?.transporter.close();
  g.__caregateMailer = undefined;
}

/** What a failed delivery may leave in the database and the log: the SMTP reply code, never addresses or content. */
export function deliveryErrorSummary(e: unknown): string {
  const err = e as { responseCode?: number; code?: string; name?: string };
  return [err.name ?? "Error", err.code, err.responseCode].filter(Boolean).join(" ").slice(0, 100);
}
