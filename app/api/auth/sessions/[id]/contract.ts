import { EXAMPLE_ID } from "@/lib/openapi/examples";
import { defineContract, IdParams } from "@/lib/openapi/contract";
import { SuccessSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/sessions/{id}",
  tag: "Accounts and sessions",
  DELETE: {
    summary: "End one of my sessions",
    description: "Someone else's session, an ended one and a malformed id all answer 404.",
    auth: "session",
    params: IdParams,
    responses: { 200: SuccessSchema },
    errors: ["NOT_FOUND"],
    example: { params: { id: EXAMPLE_ID }, response: { success: true } },
  },
});
