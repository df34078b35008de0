import { z } from "zod";
import { RECORD_CATEGORIES } from "./record-categories";

/**
 * The success bodies of the health-records and sharing API (docs/RULES.md "API: records and
 * sharing"), as the API documents them and as the integration tests check every answer. Kept apart
 * from ./responses.ts so that the records and administration contracts can grow independently.
 * Objects are strict for the same reason as there: an undocumented field fails a test instead of
 * leaking (a record's blob id, its sha256, the owner's id to a doctor…).
 */

/** The only types a record may have; the server decides from the file's first bytes (lib/records/detect.ts). */
export const RECORD_CONTENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

/** Timestamps leave the server as JSON-serialised Dates: ISO 8601 in UTC. */
const Timestamp = z.iso.datetime();

export const RecordSchema = z
  .strictObject({
    id: z.uuid(),
    title: z.string().meta({ description: "The title given at upload, or one made from the filename." }),
    filename: z.string().meta({ description: "The uploaded file's name, cleaned of path parts and control characters." }),
    contentType: z.enum(RECORD_CONTENT_TYPES).meta({ description: "Recognised from the file's bytes, never from its name or declared type." }),
    size: z.int().min(0).meta({ description: "In bytes." }),
    category: z.enum(RECORD_CATEGORIES).meta({ description: "Chosen by the patient; `other` unless given." }),
    documentDate: z.iso
      .date()
      .nullable()
      .meta({ description: "The date on the document (YYYY-MM-DD), not the upload's; null when not given." }),
    createdAt: Timestamp,
  })
  .meta({ id: "Record", description: "A health record's metadata; its bytes are at GET /api/records/{id}/file." });

export const RecordResponseSchema = z.strictObject({ record: RecordSchema }).meta({ id: "RecordResponse" });
export const RecordListSchema = z.strictObject({
  records: z.array(RecordSchema).meta({ description: "Newest document first: by `documentDate`, or the upload's day where there is none." }),
});

export const AccessEventSchema = z
  .strictObject({
    at: Timestamp,
    doctor: z.strictObject({
      id: z.uuid().nullable().meta({ description: "Null once that doctor's account has been deleted." }),
      name: z.string().meta({ description: "Kept even after the doctor's account is deleted." }),
    }),
    recordId: z.uuid().nullable().meta({ description: "Null when the doctor listed the patient's records." }),
    action: z.enum(["view", "download", "list"]),
  })
  .meta({ id: "AccessEvent", description: "One read of the patient's records by a doctor." });
export const AccessLogSchema = z.strictObject({
  events: z.array(AccessEventSchema).meta({ description: "Newest first, at most 500." }),
});

export const DoctorCardSchema = z
  .strictObject({ id: z.uuid(), name: z.string(), specialty: z.string() })
  .meta({ id: "DoctorCard", description: "An approved doctor a patient can share with." });
export const DoctorListSchema = z.strictObject({
  doctors: z.array(DoctorCardSchema).meta({ description: "Sorted by name, at most 20." }),
});

export const GrantViewSchema = z
  .strictObject({
    id: z.uuid(),
    patientId: z.uuid(),
    doctorId: z.uuid(),
    createdAt: Timestamp,
    expiresAt: Timestamp.nullable().meta({ description: "Null: until revoked." }),
    active: z.boolean().meta({ description: "False once `expiresAt` has passed (revoked grants are not listed)." }),
    doctor: z.strictObject({ id: z.uuid(), name: z.string(), specialty: z.string() }),
    patient: z.strictObject({ id: z.uuid(), name: z.string() }),
  })
  .meta({ id: "Grant", description: "A patient's permission for one doctor to read all their records." });
export const GrantResponseSchema = z.strictObject({ grant: GrantViewSchema });
export const GrantListSchema = z.strictObject({ grants: z.array(GrantViewSchema).meta({ description: "Newest first." }) });

export const SharedPatientSchema = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    grantedAt: Timestamp,
    expiresAt: Timestamp.nullable().meta({ description: "Null: until revoked." }),
  })
  .meta({ id: "SharedPatient", description: "A patient whose grant to the calling doctor is active now." });
export const SharedPatientListSchema = z.strictObject({
  patients: z.array(SharedPatientSchema).meta({ description: "Sorted by name." }),
});
