import { z } from "zod";
import { msg } from "./messages";
import { RECORD_CATEGORIES } from "./record-categories";
import { RecordTitleSchema } from "./records";

/**
 * A record's category and document date, and the list's filters (docs/RECORDS.md "Finding records"),
 * shared by the forms, the multipart reader and the routes (browser-safe).
 */

export { RECORD_CATEGORIES, type RecordCategory } from "./record-categories";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2025-02-30 is refused, not rolled over). */
export function isCalendarDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/**
 * The latest calendar day anywhere on Earth (UTC+14, Kiribati). "Not in the future" is judged
 * against it, because the server cannot know the patient's time zone: a letter dated today in
 * Auckland is still yesterday in UTC, and must not be refused.
 */
export const latestToday = (now = Date.now()) => new Date(now + 14 * 3600_000).toISOString().slice(0, 10);

/** Older than this is a typing mistake (year 0025), not a document. */
export const EARLIEST_DOCUMENT_DATE = "1900-01-01";

const day = (error: string) => z.string({ error }).trim().refine(isCalendarDay, { error });

export const CategorySchema = z.enum(RECORD_CATEGORIES, { error: msg("records.category") });

/** The date on the document: a past or present day, or null (unknown). */
export const DocumentDateSchema = day(msg("records.documentDate"))
  .refine((s) => s <= latestToday(), { error: msg("records.documentDateFuture") })
  .refine((s) => s >= EARLIEST_DOCUMENT_DATE, { error: msg("records.documentDateOld") })
  .nullable();

/** The multipart form sends text: an empty date field means "no date". */
export const UploadDocumentDateSchema = z.preprocess((v) => (v === "" ? null : v), DocumentDateSchema);

/** PATCH /api/records/{id}: any of the three; at least one. */
export const RecordPatchSchema = z
  .object({
    title: RecordTitleSchema.pipe(z.string().min(1, { error: msg("records.title") })).optional(),
    category: CategorySchema.optional(),
    documentDate: DocumentDateSchema.optional(),
  })
  .refine((v) => v.title !== undefined || v.category !== undefined || v.documentDate !== undefined, {
    error: msg("records.nothingToChange"),
    path: ["body"],
  });
export type RecordPatch = z.output<typeof RecordPatchSchema>;

/** Empty query parameters count as absent (a search form submits every field). */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** GET /api/records and /api/patients/{id}/records: `q`, `category`, `from`, `to` (all optional). */
export const RecordQuerySchema = z
  .object({
    q: optional(
      z
        .string()
        .trim()
        .max(100, { error: msg("length.max100") })
        .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: msg("text.controlShort") }),
    ),
    category: optional(CategorySchema),
    from: optional(day(msg("records.fromDate"))),
    to: optional(day(msg("records.toDate"))),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { error: msg("records.endBeforeStart"), path: ["to"] });
export type RecordQuery = z.output<typeof RecordQuerySchema>;
