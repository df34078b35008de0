import { defineContract, IdParams } from "@/lib/openapi/contract";
import { EXAMPLE_RECORD } from "@/lib/openapi/records-examples";
import { RecordPatchSchema } from "@/lib/validation/record-metadata";
import { RecordResponseSchema } from "@/lib/validation/records-responses";
import { SuccessSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/records/{id}",
  tag: "Health records and sharing",
  GET: {
    summary: "Read a record's details",
    description:
      "For its owner, or a doctor holding an active grant from the owner (the read is written to the patient's " +
      "access log). Anyone else, and a malformed id, get 404 as if the record did not exist. A doctor whose " +
      "account is not approved gets 403 `DOCTOR_NOT_APPROVED` before any lookup.",
    auth: "session",
    approvedDoctor: true,
    params: IdParams,
    responses: { 200: RecordResponseSchema },
    errors: ["NOT_FOUND", "DOCTOR_NOT_APPROVED"],
    example: { params: { id: EXAMPLE_RECORD.id }, response: { record: EXAMPLE_RECORD } },
  },
  PATCH: {
    summary: "Rename, re-categorise or re-date a record",
    description:
      "The owner only: any of `title` (1–200 characters), `category` and `documentDate` (YYYY-MM-DD not in the " +
      "future, or null to clear it). Someone else's record and a malformed id are 404; doctors never change records.",
    auth: "session",
    roles: ["patient"],
    params: IdParams,
    body: RecordPatchSchema,
    responses: { 200: RecordResponseSchema },
    errors: ["NOT_FOUND"],
    example: {
      params: { id: EXAMPLE_RECORD.id },
      body: { title: "Blood test, March 2025", category: "lab", documentDate: "2025-03-12" },
      response: { record: EXAMPLE_RECORD },
    },
  },
  DELETE: {
    summary: "Delete a record",
    description: "The owner only: the record and its bytes go together. Someone else's record and a malformed id are 404.",
    auth: "session",
    roles: ["patient"],
    params: IdParams,
    responses: { 200: SuccessSchema },
    errors: ["NOT_FOUND"],
    example: { params: { id: EXAMPLE_RECORD.id }, response: { success: true } },
  },
});
