import { CLEAR_SITE_DATA, CLEARED_COOKIE_HEADER } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { SuccessSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/logout-all",
  tag: "Accounts and sessions",
  POST: {
    summary: "Sign out everywhere",
    description: "Ends every session of the account at once, this one included.",
    auth: "session",
    duringMfaSetup: true,
    responses: { 200: { schema: SuccessSchema, headers: { "Set-Cookie": CLEARED_COOKIE_HEADER, "Clear-Site-Data": CLEAR_SITE_DATA } } },
    example: { response: { success: true } },
  },
});
