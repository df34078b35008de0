import { defineContract } from "@/lib/openapi/contract";
import { EXAMPLE_DOCTOR } from "@/lib/openapi/records-examples";
import { DoctorSearchSchema } from "@/lib/validation/records";
import { DoctorListSchema } from "@/lib/validation/records-responses";

export const contract = defineContract({
  path: "/api/doctors",
  tag: "Health records and sharing",
  GET: {
    summary: "Find a doctor to share with",
    description:
      "Approved, active doctors whose name or specialty contains `q` (any case; `%` and `_` match themselves), " +
      "sorted by name, at most 20. An empty or missing `q` lists the first 20.",
    auth: "session",
    roles: ["patient"],
    query: DoctorSearchSchema,
    responses: { 200: DoctorListSchema },
    example: { query: { q: "cardio" }, response: { doctors: [EXAMPLE_DOCTOR] } },
  },
});
