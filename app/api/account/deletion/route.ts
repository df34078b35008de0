import { cancelDeletion, scheduleDeletion } from "@/lib/account-data/deletion";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";
import { jsonClearingSession } from "@/lib/auth/session/response";

/** Schedules the caller's own deletion; every session ends, so the cookie is cleared too. */
export const POST = handler(async (request) => {
  const session = await requireSession(request);
  return jsonClearingSession(await scheduleDeletion(request, session));
});

/** Keeps the account ("Keep my account"). */
export const DELETE = handler(async (request) => {
  const session = await requireSession(request);
  await cancelDeletion(request, session);
  return json({ success: true });
});
