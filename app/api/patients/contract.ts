import { EXAMPLE_ID } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_GRANT } from "@/lib/openapi/records-examples";
import { SharedPatientListSchema } from "@/lib/validation/records-responses";

export const contract = defineContract({
  path: "/api/patients",
  tag: "Health records and sharing",
  GET: {
    summary: "Patients sharing with me",
    description: "For an approved doctor: the patients whose grant to them is active now (not revoked, not expired), by name.",
    auth: "session",
    roles: ["doctor"],
    approvedDoctor: true,
    responses: { 200: SharedPatientListSchema },
    errors: ["DOCTOR_NOT_APPROVED"],
    example: {
      response: { patients: [{ id: EXAMPLE_ID, name: "Amira Haddad", grantedAt: EXAMPLE_GRANT.createdAt, expiresAt: EXAMPLE_GRANT.expiresAt }] },
    },
  },
});
