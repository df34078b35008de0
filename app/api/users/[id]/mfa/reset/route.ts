import { resetUserMfa } from "@/lib/admin/mfa-reset";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/users/{id}/mfa/reset (admin, superadmin): removes the user's factors; audited, user emailed. */
export const POST = route(contract.POST, async ({ actor, params }) => {
  await resetUserMfa(actor, params.id);
  return json({ success: true });
});
