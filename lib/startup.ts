import "server-only";
import { config } from "./config";
import { getDb } from "./db/client";
import { log } from "./log";
import { ensureMailSender } from "./mail/sender";
import { startRetention } from "./ops/retention";

export async function startUp(): Promise<void> {
  try {
    const cfg = config();
    await getDb();
    if (cfg.secretWasGenerated) {
      log.warn({ dataDir: cfg.DATA_DIR }, "AUTH_SECRET is not set: using one generated in DATA_DIR. Set it when running several instances.");
    }
    if (!cfg.SMTP_URL && cfg.NODE_ENV === "production") {
      log.warn("MAIL_OUTBOX=1: emails are NOT delivered. Codes and reset links are readable by anyone at /dev/mailbox. Demo use only.");
    } else if (!cfg.SMTP_URL) {
      log.warn("SMTP_URL is not set: emails are NOT delivered, only kept in the local outbox (read them at /dev/mailbox).");
    }
    if (!cfg.CLAMD_URL && cfg.NODE_ENV === "production") {
      log.warn("CLAMD_URL is not set: uploaded records are NOT scanned for viruses (docs/RECORDS.md \"Virus scanning\").");
    }
    // Mail queued before a restart (or by an instance that stopped) is sent without waiting for new mail.
    ensureMailSender();
    startRetention();
    if (!cfg.DATABASE_URL) log.info({ dataDir: cfg.DATA_DIR }, "embedded database (PGlite)");
  } catch (e) {
    // A ConfigError's message names the variable and the rule, never the value (AUTH_SECRET…);
    // anything else is summarised by the logger (a database error without its query or values).
    const config = e instanceof Error && e.name === "ConfigError";
    log.error(config ? {} : { err: e }, config ? `cannot start: ${(e as Error).message}` : "cannot start");
    process.exit(1);
  }
}
