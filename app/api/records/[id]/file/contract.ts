import { z } from "zod";
import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_RECORD } from "@/lib/openapi/records-examples";
import { RECORD_CONTENT_TYPES } from "@/lib/validation/records-responses";

/** What every download carries (lib/records/download.ts says why). */
const DOWNLOAD_HEADERS = {
  "Content-Disposition": 'attachment; filename="blood-test-2025-03.pdf"; filename*=UTF-8\'\'… (always an attachment)',
  "Content-Length": "The number of bytes in this answer.",
  "X-Content-Type-Options": "nosniff",
  "Accept-Ranges": "bytes",
  ETag: "The file's SHA-256 in quotes; send it back as If-Range.",
  "Cache-Control": "no-store",
};

export const contract = defineContract({
  path: "/api/records/{id}/file",
  tag: "Health records and sharing",
  GET: {
    summary: "Download a record's file",
    description:
      "The bytes, streamed, always as an attachment with the type recognised at upload. Same access as " +
      "`GET /api/records/{id}` (a doctor's download is written to the patient's access log). One `Range: bytes=…` " +
      "is honoured with 206 and `Content-Range`; several ranges, a malformed header or an `If-Range` that no " +
      "longer matches the ETag get the whole file. A range that starts past the end is 416 " +
      "`RANGE_NOT_SATISFIABLE` with `Content-Range: bytes */<size>`.",
    auth: "session",
    params: z.object({ id: z.uuid() }),
    responses: {
      200: { binary: RECORD_CONTENT_TYPES, headers: DOWNLOAD_HEADERS },
      206: {
        binary: RECORD_CONTENT_TYPES,
        description: "Partial content: the one byte range asked for",
        headers: { ...DOWNLOAD_HEADERS, "Content-Range": "bytes <first>-<last>/<size>" },
      },
    },
    errors: ["NOT_FOUND", "DOCTOR_NOT_APPROVED", "RANGE_NOT_SATISFIABLE"],
    example: { params: { id: EXAMPLE_RECORD.id } },
  },
});
