import "server-only";
import { config } from "@/lib/config";

/** What /account/data tells the person before they act: the daily export limit and the grace period. */
export function dataSettings() {
  const cfg = config();
  return {
    exportsPerDay: cfg.EXPORTS_PER_DAY,
    graceDays: Math.max(1, Math.round(cfg.DELETION_GRACE_SECONDS / 86_400)),
    wouldBeDeletedOn: new Date(Date.now() + cfg.DELETION_GRACE_SECONDS * 1000).toISOString(),
  };
}
