import { type SQLWrapper, sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/* Accounts, codes, sessions, throttles, the audit trail, the mail queue and sign-ups. */

/**
 * Email and name as one text for `%text%` search, joined by U+0001: no search can contain it
 * (control characters are refused in input), so a match never spans the two, and the one trigram
 * index on this expression answers "email or name contains". The query must use this very
 * expression for PostgreSQL to use the index.
 */
export const userSearchText = (email: SQLWrapper, name: SQLWrapper) => sql`(${email} || E'\\x01' || ${name})`;

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Stored already normalised (trim, NFC, lower-case) by EmailSchema; the unique index is the last word.
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  phone: text("phone"),
  dob: date("dob", { mode: "string" }),
  gender: text("gender", { enum: ["female", "male", "other", "prefer_not_to_say"] }),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["patient", "doctor", "admin", "superadmin"] }).notNull().default("patient"),
  emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
  status: text("status", { enum: ["active", "suspended"] }).notNull().default("active"),
  tokenVersion: integer("token_version").notNull().default(0),
  // Second factor (docs/MFA.md). Set while the account has any confirmed factor (TOTP or a passkey), so
  // sign-in and the MFA policy decide from the row every request already loads, without a join.
  mfaEnabledAt: timestamp("mfa_enabled_at", { withTimezone: true }),
  // When the current role was given (null: since the account was created). The MFA grace period of a
  // newly promoted admin or doctor counts from here; the admin service sets it on every role change.
  roleSince: timestamp("role_since", { withTimezone: true }),
  // Optional emails the owner may turn off (docs/NOTIFICATIONS.md "Your choices"); security email has no switch.
  notifyRecordViewed: boolean("notify_record_viewed").notNull().default(true),
  notifyGrantExpiring: boolean("notify_grant_expiring").notNull().default(true),
  // When a deletion the owner asked for will be carried out by the retention job (docs/PRIVACY.md
  // "Deletion"); null when none is scheduled.
  deletionScheduledFor: timestamp("deletion_scheduled_for", { withTimezone: true }),
  // The language of the account's pages and emails (lib/i18n/locale.ts): from its sign-up, then PATCH /api/users/me.
  locale: text("locale", { enum: ["en", "ar"] }).notNull().default("en"),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // Admin list at scale (docs/PERFORMANCE.md "Admin at scale"): the admin list (lib/admin/users.ts)
  // reads newest first, with or without a role or status filter, in pages; each of these serves one
  // of those orders as an index range. Search matches `%text%` in email or name: a trigram index
  // (pg_trgm, created by migration 0007) answers it without reading every account.
  index("users_created_idx").on(t.createdAt, t.id),
  index("users_role_created_idx").on(t.role, t.createdAt, t.id),
  index("users_status_created_idx").on(t.status, t.createdAt, t.id),
  // One trigram index over email and name (`userSearchText`, the same expression the admin search
  // filters on). One scan where an index each made a BitmapOr of two (docs/PERFORMANCE.md).
  index("users_search_trgm_idx").using("gin", sql`${userSearchText(t.email, t.name)} gin_trgm_ops`),
  // The retention job's purge of unverified accounts (lib/ops/retention.ts): a handful of rows, found without a scan.
  index("users_unverified_idx").on(t.updatedAt).where(sql`${t.emailVerifiedAt} is null`),
  // The deletions the retention job carries out: a handful of rows, found without a scan.
  index("users_deletion_due_idx").on(t.deletionScheduledFor).where(sql`${t.deletionScheduledFor} is not null`),
]);

export const doctorProfiles = pgTable(
  "doctor_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    specialty: text("specialty").notNull(),
    licenseNumber: text("license_number").notNull(),
    // Copied true when the email is verified: a partial unique index cannot look at users.email_verified_at,
    // and an unverified claim must never block a real doctor (docs/RULES.md "Doctor accounts").
    licenseVerified: boolean("license_verified").notNull().default(false),
    approval: text("approval", { enum: ["pending", "approved", "rejected"] }).notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    // Administration: why an admin rejected the doctor; shown on their dashboard, cleared on approval.
    rejectionReason: text("rejection_reason"),
  },
  (t) => [uniqueIndex("doctor_license_verified_uq").on(t.licenseNumber).where(sql`${t.licenseVerified}`)],
);

/**
 * One live code per account + purpose (signup, reset, change_email, and later totp-recovery...).
 * Replacing the row voids the previous code. `hourFailures` survives replacement so that resending
 * cannot reset the hourly wrong-guess budget. A reset row also carries the link's hash, so the code
 * and the link are one credential: using either consumes both.
 */
export const verificationCodes = pgTable(
  "verification_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["signup", "reset", "change_email"] }).notNull(),
    target: text("target"), // the pending email for change_email
    codeHash: text("code_hash"),
    linkHash: text("link_hash"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    hourFailures: integer("hour_failures").notNull().default(0),
    hourStartedAt: timestamp("hour_started_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("verification_user_purpose_uq").on(t.userId, t.purpose),
    uniqueIndex("verification_link_uq").on(t.linkHash),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
    // The session's last proof of who is using it (docs/MFA.md "Recent proof"): set at sign-in and by
    // POST /api/auth/reauth. Actions that change how the account signs in need one that is recent.
    reauthAt: timestamp("reauth_at", { withTimezone: true }).notNull().defaultNow(),
    reauthLevel: text("reauth_level", { enum: ["password", "password+factor"] }).notNull().default("password"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Fixed-window counters shared by every app instance (docs/RULES.md "Throttling": throttle state lives in the DB).
 * Keys look like `ip-min:1.2.3.4`, `login:alice@example.com`, `resend-cooldown:signup:alice@example.com`.
 */
export const throttles = pgTable("throttles", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  lastAt: timestamp("last_at", { withTimezone: true }).notNull(),
});

export const securityEvents = pgTable(
  "security_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // The account the event is about (a patient whose record was read, a user an admin suspended).
    // No foreign key: the trail outlives the accounts it is about, and a deleted account's events
    // must still be found by its id (docs/PRIVACY.md "Deletion").
    userId: uuid("user_id"),
    // Who acted, when that is someone else: the admin, the doctor. Null when the user acted themselves.
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    type: text("type").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    // The X-Request-Id of the request that caused it: joins the row to that request's log lines.
    requestId: text("request_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("security_events_user_idx").on(t.userId, t.createdAt),
    index("security_events_actor_idx").on(t.actorId, t.createdAt),
    // Administration: the audit list reads newest first by (created_at, id) keyset, with or
    // without an event-type filter; these keep each page an index range scan on a large table.
    index("security_events_created_idx").on(t.createdAt, t.id),
    index("security_events_type_idx").on(t.type, t.createdAt, t.id),
  ],
);

/**
 * The mail queue (docs/RULES.md "Email delivery"): every message is written here in the same
 * transaction as the change that causes it, and a background sender (lib/mail/sender.ts) delivers
 * it. With SMTP_URL unset, delivery is to the local outbox: the sender marks the row sent and
 * /dev/mailbox reads it. `expiresAt` is set for code emails: once the code is dead the message is
 * dropped instead of sent. `lockedUntil` is the lease of the instance that claimed the row.
 */
export const mailQueue = pgTable(
  "mail_queue",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: ["pending", "sending", "sent", "dropped"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastError: text("last_error"),
    // Extra headers of this one message (List-Unsubscribe on optional emails), handed to nodemailer as they are.
    headers: jsonb("headers").$type<Record<string, string>>(),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("mail_queue_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index("mail_queue_to_idx").on(t.to, t.id),
  ],
);

/**
 * One row per sign-up (docs/RULES.md "Sign-up details"): what that sign-up asked for, applied to the
 * account only when the email is confirmed with a binding to it (the signupId, in an HttpOnly
 * cookie or the body). Someone who signs up again with another person's unverified address gets
 * their own row, so their password never reaches the real owner's verification.
 */
export const signups = pgTable(
  "signups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    phone: text("phone"),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["patient", "doctor"] }).notNull(),
    specialty: text("specialty"),
    licenseNumber: text("license_number"),
    // The sign-up request's language, applied with the other details at verification; the code email uses it.
    locale: text("locale", { enum: ["en", "ar"] }).notNull().default("en"),
    createdAt: createdAt(),
  },
  (t) => [index("signups_user_idx").on(t.userId, t.createdAt)],
);
