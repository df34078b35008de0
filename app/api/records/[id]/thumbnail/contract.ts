import { defineContract, IdParams } from "@/lib/openapi/contract";
import { EXAMPLE_RECORD } from "@/lib/openapi/records-examples";

export const contract = defineContract({
  path: "/api/records/{id}/thumbnail",
  tag: "Health records and sharing",
  GET: {
    summary: "A record's preview",
    description:
      "A JPEG at most 320 px wide of the picture, or of a PDF's first page, made in the background after the upload. " +
      "Same access as `GET /api/records/{id}` (a doctor's request is written to the patient's access log as a view) " +
      "and the same inert headers as the file (`Content-Disposition: attachment`, `nosniff`, `no-store`). 404 when " +
      "there is no preview: not made yet, or none can be made (a damaged file, a picture over 50 megapixels).",
    auth: "session",
    approvedDoctor: true,
    params: IdParams,
    responses: {
      200: {
        binary: ["image/jpeg"],
        headers: {
          "Content-Disposition": "attachment; filename=\"blood-test-2025-03-preview.jpg\"; filename*=UTF-8''…",
          "Content-Length": "The number of bytes in this answer.",
          "X-Content-Type-Options": "nosniff",
          "Cache-Control": "no-store",
        },
      },
    },
    errors: ["NOT_FOUND", "DOCTOR_NOT_APPROVED"],
    example: { params: { id: EXAMPLE_RECORD.id } },
  },
});
