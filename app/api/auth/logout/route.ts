import { audit } from "@/lib/audit";
import { endSession, getSession } from "@/lib/auth/session/sessions";
import { getDb } from "@/lib/db/client";
import { handler } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/origin";
import { jsonClearingSession } from "@/lib/http/session-response";

/** Ends this session; answers 200 (and clears the cookie) even when there is none. */
export const POST = handler(async (request) => {
  const session = await getSession(request);
  if (session) {
    assertSameOrigin(request, session.via === "cookie");
    await endSession(await getDb(), session.sessionId);
    await audit("signout", request, session.user.id);
  }
  return jsonClearingSession({ success: true });
});
