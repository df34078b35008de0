import { z } from "zod";
import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_RECORD } from "@/lib/openapi/records-examples";
import { RecordTitleSchema } from "@/lib/validation/records";
import { RecordListSchema, RecordResponseSchema } from "@/lib/validation/records-responses";

export const contract = defineContract({
  path: "/api/records",
  tag: "Health records and sharing",
  GET: {
    summary: "List my records",
    description: "The signed-in patient's own records, newest first. Doctors read shared records through `/api/patients/{id}/records`.",
    auth: "session",
    roles: ["patient"],
    responses: { 200: RecordListSchema },
    example: { response: { records: [EXAMPLE_RECORD] } },
  },
  POST: {
    summary: "Upload a record",
    description:
      "`multipart/form-data` with one part named `file` (a PDF, JPEG or PNG of at most 10 MB by default, " +
      "`RECORD_MAX_BYTES`) and an optional `title` (at most 200 characters; empty or missing: made from the " +
      "filename). The type is decided from the file's first bytes, never from its name or declared type: anything " +
      "else is 415. A file over the limit is 413 as soon as the limit is crossed. A form that is cut off or not " +
      "valid multipart is 400 `INVALID_MULTIPART`. A patient keeps at most 200 records (`RECORDS_PER_PATIENT`): " +
      "409 `RECORD_LIMIT_REACHED` until one is deleted.",
    auth: "session",
    roles: ["patient"],
    multipart: z.object({
      // No declared type: the server ignores the part's Content-Type and reads the bytes.
      file: z.file().meta({ description: "A PDF, JPEG or PNG file; at most 10 MB by default (RECORD_MAX_BYTES)." }),
      title: RecordTitleSchema.optional().meta({ description: "At most 200 characters, no control characters; empty or missing: made from the filename." }),
    }),
    responses: { 201: RecordResponseSchema },
    errors: ["INVALID_MULTIPART", "RECORD_LIMIT_REACHED"],
    example: { response: { record: EXAMPLE_RECORD } },
  },
});
