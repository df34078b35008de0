import { defineContract } from "@/lib/openapi/contract";
import { ARCHIVE_HEADER_DOCS } from "@/lib/runtime/response-headers.mjs";

export const contract = defineContract({
  path: "/api/account/export",
  tag: "Your data",
  GET: {
    summary: "Download everything the account holds",
    description:
      "A zip, streamed, with `README.txt`, `account.json`, `records.json` (each record with `sha256` and `path`), the " +
      "original files under `records/`, `sharing.json`, `access-log.json`, `security-events.json` and `fhir/bundle.json` " +
      "(an HL7 FHIR R4 Bundle of type `collection`). Files are stored, not compressed, so `Content-Length` is exact. " +
      "Needs a recent proof (`POST /api/auth/reauth`; with a second factor when the account has one); at most " +
      "`EXPORTS_PER_DAY` (3) in 24 hours, then 429 `EXPORT_LIMIT` with `Retry-After`. Audited (`data_exported`); the " +
      "owner is emailed. A doctor's export holds their own account and the reads they made, never a patient's files.",
    auth: "session",
    responses: { 200: { binary: ["application/zip"], headers: ARCHIVE_HEADER_DOCS } },
    errors: ["REAUTH_REQUIRED", "EXPORT_LIMIT"],
    example: {},
  },
});
