import "server-only";
import { config } from "./config";
import { getDb } from "./db/client";

export async function startUp(): Promise<void> {
  try {
    const cfg = config();
    await getDb();
    if (cfg.secretWasGenerated) {
      console.warn(`[caregate] AUTH_SECRET is not set: using one generated in ${cfg.DATA_DIR}. Set it when running several instances.`);
    }
    if (!cfg.SMTP_URL) {
      const where = cfg.NODE_ENV === "production" ? "" : " (read them at /dev/mailbox)";
      console.warn(`[caregate] SMTP_URL is not set: emails are NOT delivered, only kept in the local outbox${where}.`);
    }
    if (!cfg.DATABASE_URL) console.log(`[caregate] embedded database (PGlite) in ${cfg.DATA_DIR}`);
  } catch (e) {
    console.error(`[caregate] cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
}
