import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { revokeGrant } from "@/lib/records/sharing";
import { contract } from "./contract";

/** Revokes a grant at once (the patient who made it; anyone else's is 404). */
export const DELETE = route(contract.DELETE, async ({ actor, session, params }) => {
  await revokeGrant(actor, session.user.id, params.id);
  return json({ success: true });
});
