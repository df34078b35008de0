import { CLEAR_SITE_DATA, CLEARED_COOKIE_HEADER } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { SuccessSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/logout",
  tag: "Accounts and sessions",
  POST: {
    summary: "Sign out (this session)",
    description: "Ends the calling session and clears the cookie. Answers 200 also when there is no session.",
    auth: "optional",
    responses: { 200: { schema: SuccessSchema, headers: { "Set-Cookie": CLEARED_COOKIE_HEADER, "Clear-Site-Data": CLEAR_SITE_DATA } } },
    example: { response: { success: true } },
  },
});
