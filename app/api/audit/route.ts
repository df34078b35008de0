import { listSecurityEvents } from "@/lib/audit/query";
import { requireRole } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";
import { readQuery } from "@/lib/http/query";
import { ADMIN_ROLES, AUDIT_KEYS, AuditQuerySchema } from "@/lib/validation/admin";

/** GET /api/audit?userId=&actorId=&event=&from=&to=&cursor=&limit= (admins): `{ events, nextCursor }`, newest first. */
export const GET = handler(async (request) => {
  await requireRole(request, ADMIN_ROLES);
  const query = await readQuery(request, AuditQuerySchema, AUDIT_KEYS);
  return json(await listSecurityEvents(query));
});
