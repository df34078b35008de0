import { endOwnSession } from "@/lib/auth/flows/sessions";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const DELETE = route(contract.DELETE, async ({ actor, session, params }) => {
  await endOwnSession(actor, session.user.id, params.id);
  return json({ success: true });
});
