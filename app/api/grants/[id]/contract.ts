import { defineContract, IdParams } from "@/lib/openapi/contract";
import { EXAMPLE_GRANT } from "@/lib/openapi/records-examples";
import { SuccessSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/grants/{id}",
  tag: "Health records and sharing",
  DELETE: {
    summary: "Stop sharing (revoke a grant)",
    description:
      "The patient who made the grant only; the doctor loses access from the next request on. Someone else's " +
      "grant, one already revoked and a malformed id are 404.",
    auth: "session",
    roles: ["patient"],
    params: IdParams,
    responses: { 200: SuccessSchema },
    errors: ["NOT_FOUND"],
    example: { params: { id: EXAMPLE_GRANT.id }, response: { success: true } },
  },
});
