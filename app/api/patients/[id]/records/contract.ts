import { EXAMPLE_ID } from "@/lib/openapi/examples";
import { defineContract, IdParams } from "@/lib/openapi/contract";
import { EXAMPLE_RECORD } from "@/lib/openapi/records-examples";
import { RecordQuerySchema } from "@/lib/validation/record-metadata";
import { RecordListSchema } from "@/lib/validation/records-responses";

export const contract = defineContract({
  path: "/api/patients/{id}/records",
  tag: "Health records and sharing",
  GET: {
    summary: "A sharing patient's records",
    description:
      "For an approved doctor holding an active grant from this patient: their records, newest document first, read-only, with the filters of `GET /api/records` (`q`, `category`, " +
      "`from`, `to`). " +
      "The listing is written to the patient's access log. Without an active grant (and for a malformed id): 404.",
    auth: "session",
    roles: ["doctor"],
    approvedDoctor: true,
    params: IdParams,
    query: RecordQuerySchema,
    responses: { 200: RecordListSchema },
    errors: ["NOT_FOUND", "DOCTOR_NOT_APPROVED"],
    example: { params: { id: EXAMPLE_ID }, response: { records: [EXAMPLE_RECORD] } },
  },
});
