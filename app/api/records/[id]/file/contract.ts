import { defineContract, IdParams } from "@/lib/openapi/contract";
import { DOWNLOAD_HEADER_DOCS } from "@/lib/runtime/response-headers.mjs";
import { EXAMPLE_RECORD } from "@/lib/openapi/records-examples";
import { RECORD_CONTENT_TYPES } from "@/lib/validation/records-responses";

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
    approvedDoctor: true,
    params: IdParams,
    responses: {
      200: { binary: RECORD_CONTENT_TYPES, headers: DOWNLOAD_HEADER_DOCS },
      206: {
        binary: RECORD_CONTENT_TYPES,
        description: "Partial content: the one byte range asked for",
        headers: { ...DOWNLOAD_HEADER_DOCS, "Content-Range": "bytes <first>-<last>/<size>" },
      },
    },
    errors: ["NOT_FOUND", "DOCTOR_NOT_APPROVED", "RANGE_NOT_SATISFIABLE"],
    example: { params: { id: EXAMPLE_RECORD.id } },
  },
});
