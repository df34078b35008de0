/**
 * What a record is, chosen by the patient (docs/RECORDS.md "Finding records"). Kept in a file of its
 * own, without imports, because the database schema (loaded by drizzle-kit outside Next) uses it too.
 */
export const RECORD_CATEGORIES = ["lab", "imaging", "prescription", "letter", "vaccination", "other"] as const;
export type RecordCategory = (typeof RECORD_CATEGORIES)[number];
