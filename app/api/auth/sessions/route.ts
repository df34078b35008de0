import { listSessions } from "@/lib/auth/flows/sessions";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";

export const GET = handler(async (request) => {
  const { user, sessionId } = await requireSession(request);
  return json({ sessions: await listSessions(user.id, sessionId) });
});
