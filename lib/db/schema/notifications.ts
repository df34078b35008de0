import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/* What the notification emails remember (docs/NOTIFICATIONS.md). */

/**
 * The devices (browser and system, e.g. "Chrome on Windows") an account signed in from. Kept apart
 * from `sessions`, whose rows the retention job deletes minutes after they end: the new-device alert
 * looks back 90 days. Rows not seen for 90 days are deleted by the retention job.
 */
export const knownDevices = pgTable(
  "known_devices",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    device: text("device").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.device] }), index("known_devices_seen_idx").on(t.lastSeenAt)],
);

/**
 * When a patient was last told that a given doctor opened their records: at most one "record viewed"
 * email per doctor and patient per 24 hours. Claimed by the doctor's read itself (lib/notifications/record-viewed.ts).
 */
export const recordViewNotices = pgTable(
  "record_view_notices",
  {
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.doctorId] }), index("record_view_notices_sent_idx").on(t.sentAt)],
);
