import { audit } from "@/lib/audit";
import { endAllSessions, requireSession } from "@/lib/auth/session/sessions";
import { getDb } from "@/lib/db/client";
import { handler } from "@/lib/http/handler";
import { jsonClearingSession } from "@/lib/http/session-response";

export const POST = handler(async (request) => {
  const { user } = await requireSession(request);
  await endAllSessions(await getDb(), user.id);
  await audit("signout_all", request, user.id);
  return jsonClearingSession({ success: true });
});
