import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";

export type Message = { to: string; subject: string; text: string; html: string };

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
    // instances deliver the same message.
    const options = { pool: true, maxConnections: 2, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
    g.__caregateMailer = { url: cfg.SMTP_URL, transporter: nodemailer.createTransport(cfg.SMTP_URL, options as object) };
  }
  await g.__caregateMailer.transporter.sendMail({ from: cfg.EMAIL_FROM, ...message });
}

/** What a failed delivery may leave in the database and the log: the SMTP reply code, never addresses or content. */
export function deliveryErrorSummary(e: unknown): string {
  const err = e as { responseCode?: number; code?: string; name?: string };
  return [err.name ?? "Error", err.code, err.responseCode].filter(Boolean).join(" ").slice(0, 100);
}
