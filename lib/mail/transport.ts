import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { outbox } from "@/lib/db/schema";

export type Message = { to: string; subject: string; text: string; html: string };

/**
 * SMTP when SMTP_URL is set (nodemailer parses the URL, including smtps:// and credentials);
 * otherwise the local outbox table, which /dev/mailbox shows outside production.
 */
const g = globalThis as unknown as { __caregateMailer?: Transporter };

function smtp(url: string): Transporter {
  g.__caregateMailer ??= nodemailer.createTransport(url, { pool: true, maxConnections: 2 } as object);
  return g.__caregateMailer;
}

export async function deliver(message: Message): Promise<void> {
  const cfg = config();
  if (cfg.SMTP_URL) {
    await smtp(cfg.SMTP_URL).sendMail({ from: cfg.EMAIL_FROM, ...message });
    return;
  }
  const db = await getDb();
  await db.insert(outbox).values(message);
}
