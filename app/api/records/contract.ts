import { z } from "zod";
import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_RECORD } from "@/lib/openapi/records-examples";
import { CategorySchema, RecordQuerySchema } from "@/lib/validation/record-metadata";
import { RecordTitleSchema } from "@/lib/validation/records";
import { RecordListSchema, RecordResponseSchema } from "@/lib/validation/records-responses";

export const contract = defineContract({
  path: "/api/records",
  tag: "Health records and sharing",
  GET: {
    summary: "List my records",
    description:
      "The signed-in patient's own records, newest document first (`documentDate`, or the upload's day where there is " +
      "none). `q` matches title and file name anywhere, ignoring case, accents and Arabic diacritics; `category` keeps " +
      "one category; `from` and `to` (inclusive days) bound `documentDate`, or the upload's day where there is none. " +
      "Doctors read shared records through `/api/patients/{id}/records`, with the same filters.",
    auth: "session",
    roles: ["patient"],
    query: RecordQuerySchema,
    responses: { 200: RecordListSchema },
    example: { query: { q: "blood", category: "lab", from: "2025-01-01", to: "2025-12-31" }, response: { records: [EXAMPLE_RECORD] } },
  },
  POST: {
    summary: "Upload a record",
    description:
      "`multipart/form-data` with one part named `file` (a PDF, JPEG or PNG of at most 10 MB by default, " +
      "`RECORD_MAX_BYTES`) and an optional `title` (at most 200 characters; empty or missing: made from the " +
      "filename). The type is decided from the file's first bytes, never from its name or declared type: anything " +
      "else is 415. A file over the limit is 413 as soon as the limit is crossed. A form that is cut off or not " +
      "valid multipart is 400 `INVALID_MULTIPART`. A patient keeps at most 200 records (`RECORDS_PER_PATIENT`): " +
      "409 `RECORD_LIMIT_REACHED` until one is deleted. A bad `category` or a future `documentDate` is 400 " +
      "`VALIDATION_FAILED` naming the field. With a virus scanner configured (`CLAMD_URL`), the file is scanned as it " +
      "streams: an infected file is 422 `FILE_INFECTED`, an unreachable scanner 503 `SCAN_UNAVAILABLE`; either way " +
      "nothing is kept. A preview (`/api/records/{id}/thumbnail`) is made in the background afterwards.",
    auth: "session",
    roles: ["patient"],
    multipart: z.object({
      // No declared type: the server ignores the part's Content-Type and reads the bytes.
      file: z.file().meta({ description: "A PDF, JPEG or PNG file; at most 10 MB by default (RECORD_MAX_BYTES)." }),
      title: RecordTitleSchema.optional().meta({ description: "At most 200 characters, no control characters; empty or missing: made from the filename." }),
      category: CategorySchema.optional().meta({ description: "What the document is; `other` when missing." }),
      documentDate: z.iso
        .date()
        .optional()
        .meta({ description: "The date on the document (YYYY-MM-DD), not in the future; empty or missing: none." }),
    }),
    responses: { 201: RecordResponseSchema },
    errors: ["INVALID_MULTIPART", "RECORD_LIMIT_REACHED", "FILE_INFECTED", "SCAN_UNAVAILABLE"],
    example: { response: { record: EXAMPLE_RECORD } },
  },
});
