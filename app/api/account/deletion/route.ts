import { cancelDeletion, scheduleDeletion } from "@/lib/account-data/deletion";
import { jsonClearingSession } from "@/lib/auth/session/response";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** Schedules the caller's own deletion; every session ends, so the cookie is cleared too. */
export const POST = route(contract.POST, async ({ actor, session }) => jsonClearingSession(await scheduleDeletion(actor, session)));

/** Keeps the account ("Keep my account"). */
export const DELETE = route(contract.DELETE, async ({ actor, session }) => {
  await cancelDeletion(actor, session);
  return json({ success: true });
});
