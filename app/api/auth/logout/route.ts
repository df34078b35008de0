import { logout } from "@/lib/auth/flows/logout";
import { handler } from "@/lib/http/handler";
import { jsonClearingSession } from "@/lib/auth/session/response";

/** Ends this session; answers 200 (and clears the cookie) even when there is none. */
export const POST = handler(async (request) => {
  await logout(request);
  return jsonClearingSession({ success: true });
});
