import { logoutAll } from "@/lib/auth/flows/logout";
import { jsonClearingSession } from "@/lib/auth/session/response";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ actor, session }) => {
  await logoutAll(actor, session);
  return jsonClearingSession({ success: true });
});
