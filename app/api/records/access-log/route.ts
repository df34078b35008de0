import { requireRole } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";
import { accessLog } from "@/lib/records/access";

/** Doctors' reads and downloads of the caller's records, newest first. */
export const GET = handler(async (request) => {
  const { user } = await requireRole(request, ["patient"]);
  return json({ events: await accessLog(user.id) });
});
