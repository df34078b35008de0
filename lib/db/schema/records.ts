import { sql } from "drizzle-orm";
import { bigint, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { RECORD_CATEGORIES } from "../../validation/record-categories";
import { users } from "./accounts";
import { createdAt } from "./columns";

// ---- Health records and sharing (docs/RECORDS.md) -------------------------------------------------

/** Raw bytes. drizzle has no built-in bytea; both drivers hand back a Uint8Array (Buffer on pg). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * The PostgreSQL blob store's objects (lib/records/blob-store.ts). A blob is written `pending`, chunk
 * by chunk in short statements (never one long transaction: on PGlite that would stall every other
 * request), and becomes `stored` in the transaction that creates its record. Pending blobs are
 * deleted when an upload fails, and swept after an hour if the process died mid-upload.
 * `owner_id` makes deleting an account delete its bytes, pending ones included.
 */
export const recordBlobs = pgTable(
  "record_blobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: text("state", { enum: ["pending", "stored"] }).notNull().default("pending"),
    size: bigint("size", { mode: "number" }).notNull().default(0),
    // Hex SHA-256 of the bytes, set when the last chunk is written; checked again on every full download.
    sha256: text("sha256"),
    // Every chunk but the last has exactly this many bytes, so a byte range maps to chunk numbers.
    chunkSize: integer("chunk_size").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("record_blobs_owner_idx").on(t.ownerId),
    index("record_blobs_pending_idx").on(t.createdAt).where(sql`${t.state} = 'pending'`),
  ],
);

export const recordChunks = pgTable(
  "record_chunks",
  {
    blobId: uuid("blob_id")
      .notNull()
      .references(() => recordBlobs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.blobId, t.seq] })],
);

/** A patient's health record: metadata only; the bytes are its blob (one blob per record). */
export const records = pgTable(
  "records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Deleting a record deletes its blob in the same transaction; a blob's deletion takes its record along.
    blobId: uuid("blob_id")
      .notNull()
      .unique()
      .references(() => recordBlobs.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    // Display text only (sanitised, never a path); downloads derive their name from it.
    filename: text("filename").notNull(),
    // Detected from the first bytes, never taken from the client.
    contentType: text("content_type", { enum: ["application/pdf", "image/jpeg", "image/png"] }).notNull(),
    category: text("category", { enum: RECORD_CATEGORIES }).notNull().default("other"),
    // The date written on the document (a calendar day, no time zone), when the patient gives one.
    documentDate: date("document_date", { mode: "string" }),
    createdAt: createdAt(),
    // The day lists sort and filter by: the document's date, else the upload's day in UTC. Derived by
    // the database so it can never disagree with the two columns it comes from (docs/RECORDS.md "Finding records").
    sortDate: date("sort_date", { mode: "string" })
      .notNull()
      .generatedAlwaysAs(sql`coalesce(document_date, (created_at at time zone 'UTC')::date)`),
    // Title and file name folded for search (lib/records/search-text.ts): lower case, no accents, no
    // Arabic diacritics. Filled by the app, because PostgreSQL's unaccent is not available on PGlite.
    searchText: text("search_text").notNull().default(""),
  },
  (t) => [
    // A patient's list, newest document first, and its date-range filter: one index range.
    index("records_patient_sort_idx").on(t.patientId, t.sortDate.desc(), t.createdAt.desc(), t.id.desc()),
    // `%text%` search without reading every row (pg_trgm, created by migration 0007).
    index("records_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/**
 * A record's preview (lib/records/thumbnails.ts): made once in the background after the upload, from
 * the stored bytes. `data` null means none could be made (no tool, a broken or huge file), so it is not
 * tried again on every page view. Deleted with its record.
 */
export const recordThumbnails = pgTable("record_thumbnails", {
  recordId: uuid("record_id")
    .primaryKey()
    .references(() => records.id, { onDelete: "cascade" }),
  contentType: text("content_type", { enum: ["image/jpeg"] }),
  data: bytea("data"),
  width: integer("width"),
  height: integer("height"),
  createdAt: createdAt(),
});

/**
 * A patient's permission for one doctor to read all their records. Active while not revoked, not
 * expired and the doctor is approved — checked on every request. Revocation keeps the row (the
 * history); at most one unrevoked grant per patient and doctor.
 */
export const recordGrants = pgTable(
  "record_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // Set when the "grant expiring" reminder was queued, so the retention job sends it once.
    expiryNoticeAt: timestamp("expiry_notice_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("record_grants_live_uq").on(t.patientId, t.doctorId).where(sql`${t.revokedAt} is null`),
    index("record_grants_patient_idx").on(t.patientId),
    index("record_grants_doctor_idx").on(t.doctorId),
    // The retention job's expiry reminders: live grants with an end date not yet reminded, by end date.
    index("record_grants_expiry_idx").on(t.expiresAt).where(sql`${t.revokedAt} is null and ${t.expiryNoticeAt} is null and ${t.expiresAt} is not null`),
  ],
);

/* ---------------------------------------------------------------------------------------------
 * Second factor: TOTP, recovery codes, sign-in challenges and passkeys. docs/MFA.md.
 * ------------------------------------------------------------------------------------------- */
