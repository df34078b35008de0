import { endOwnSession } from "@/lib/auth/flows/sessions";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const DELETE = route(contract.DELETE, async ({ request, session, params }) => {
  await endOwnSession(request, session.user.id, params.id);
  return json({ success: true });
});
