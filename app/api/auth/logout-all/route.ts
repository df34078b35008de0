import { logoutAll } from "@/lib/auth/flows/logout";
import { handler } from "@/lib/http/handler";
import { jsonClearingSession } from "@/lib/auth/session/response";

export const POST = handler(async (request) => {
  await logoutAll(request);
  return jsonClearingSession({ success: true });
});
