import "server-only";
import { config } from "./config";
import { getDb } from "./db/client";
import { ensureMailSender } from "./mail/sender";
import { startRetention } from "./ops/retention";

export async function startUp(): Promise<void> {
  try {
    const cfg = config();
    await getDb();
    if (cfg.secretWasGenerated) {
      console.warn(`[caregate] AUTH_SECRET is not set: using one generated in ${cfg.DATA_DIR}. Set it when running several instances.`);
    }
    if (!cfg.SMTP_URL && cfg.NODE_ENV === "production") {
      console.warn("[caregate] MAIL_OUTBOX=1: emails are NOT delivered. Codes and reset links are readable by anyone at /dev/mailbox. Demo use only.");
    } else if (!cfg.SMTP_URL) {
      console.warn("[caregate] SMTP_URL is not set: emails are NOT delivered, only kept in the local outbox (read them at /dev/mailbox).");
    }
    // Mail queued before a restart (or by an instance that stopped) is sent without waiting for new mail.
    ensureMailSender();
    startRetention();
    if (!cfg.DATABASE_URL) console.log(`[caregate] embedded database (PGlite) in ${cfg.DATA_DIR}`);
  } catch (e) {
    console.error(`[caregate] cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
}
