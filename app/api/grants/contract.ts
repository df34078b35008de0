import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_DOCTOR, EXAMPLE_GRANT } from "@/lib/openapi/records-examples";
import { GrantSchema } from "@/lib/validation/records";
import { GrantListSchema, GrantResponseSchema } from "@/lib/validation/records-responses";

export const contract = defineContract({
  path: "/api/grants",
  tag: "Health records and sharing",
  GET: {
    summary: "List sharing grants",
    description:
      "For a patient, the grants they made; for an approved doctor, the grants made to them (with the patient's " +
      "name). Newest first. Revoked grants are left out; expired ones stay, with `active: false`.",
    auth: "session",
    roles: ["patient", "doctor"],
    approvedDoctor: true,
    responses: { 200: GrantListSchema },
    errors: ["DOCTOR_NOT_APPROVED"],
    example: { response: { grants: [EXAMPLE_GRANT] } },
  },
  POST: {
    summary: "Share my records with a doctor",
    description:
      "Gives one approved doctor read access to all of the patient's records, until `expiresAt` (a future " +
      "instant) or, without it, until revoked. Sharing again with the same doctor replaces the earlier grant (to " +
      "change its end). A `doctorId` that is not an approved, active doctor's id is 404 `DOCTOR_NOT_FOUND`.",
    auth: "session",
    roles: ["patient"],
    body: GrantSchema,
    responses: { 201: GrantResponseSchema },
    errors: ["DOCTOR_NOT_FOUND"],
    example: {
      body: { doctorId: EXAMPLE_DOCTOR.id, expiresAt: EXAMPLE_GRANT.expiresAt },
      response: { grant: EXAMPLE_GRANT },
    },
  },
});
