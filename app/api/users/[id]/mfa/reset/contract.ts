import { defineContract, IdParams } from "@/lib/openapi/contract";
import { EXAMPLE_ID } from "@/lib/openapi/examples";
import { SuccessSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/users/{id}/mfa/reset",
  tag: "Administration",
  POST: {
    summary: "Reset a user's two-step sign-in",
    description: "Removes the app, passkeys and recovery codes and ends every session; audited with the admin as actor, the user is emailed. Admins cannot reset a superadmin or themselves.",
    auth: "session",
    roles: ["admin", "superadmin"],
    params: IdParams,
    responses: { 200: SuccessSchema },
    errors: ["NOT_FOUND"],
    example: { params: { id: EXAMPLE_ID }, response: { success: true } },
  },
});
