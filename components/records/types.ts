import type { z } from "zod";
import type {
  AccessEventSchema,
  DoctorCardSchema,
  GrantViewSchema,
  RecordSchema,
  SharedPatientSchema,
} from "@/lib/validation/records-responses";

/**
 * Shapes the records APIs answer with, as the browser sees them (dates are ISO strings): the very
 * schemas the contracts document and the tests check every answer against, so they cannot drift.
 */
export type RecordItem = z.infer<typeof RecordSchema>;
export type GrantItem = z.infer<typeof GrantViewSchema>;
export type DoctorItem = z.infer<typeof DoctorCardSchema>;
export type AccessEventItem = z.infer<typeof AccessEventSchema>;
export type SharedPatientItem = z.infer<typeof SharedPatientSchema>;

/** The list's filters, as the query of GET /api/records (empty = no filter). */
export type RecordFilter = { q: string; category: string; from: string; to: string };
export const NO_FILTER: RecordFilter = { q: "", category: "", from: "", to: "" };
