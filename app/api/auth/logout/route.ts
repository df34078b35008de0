import { logout } from "@/lib/auth/flows/logout";
import { jsonClearingSession } from "@/lib/auth/session/response";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** Ends this session; answers 200 (and clears the cookie) even when there is none. */
export const POST = route(contract.POST, async ({ actor, session }) => {
  if (session) await logout(actor, session);
  return jsonClearingSession({ success: true });
});
