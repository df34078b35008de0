import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_DOCTOR, EXAMPLE_RECORD } from "@/lib/openapi/records-examples";
import { AccessLogSchema } from "@/lib/validation/records-responses";

export const contract = defineContract({
  path: "/api/records/access-log",
  tag: "Health records and sharing",
  GET: {
    summary: "Who read my records",
    description:
      "Every view, download and listing of the signed-in patient's records by a doctor, newest first (at most " +
      "500). `recordId` is null for a listing.",
    auth: "session",
    roles: ["patient"],
    responses: { 200: AccessLogSchema },
    example: {
      response: {
        events: [
          {
            at: "2025-03-15T08:41:07.000Z",
            doctor: { id: EXAMPLE_DOCTOR.id, name: EXAMPLE_DOCTOR.name },
            recordId: EXAMPLE_RECORD.id,
            action: "download",
          },
        ],
      },
    },
  },
});
