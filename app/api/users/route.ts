import { listUsers } from "@/lib/admin/users";
import { requireRole } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";
import { readQuery } from "@/lib/http/query";
import { ADMIN_ROLES, USER_LIST_KEYS, UserListQuerySchema } from "@/lib/validation/admin";

/** GET /api/users?q=&role=&status=&approval=&verified=&page=&limit= (admins): `{ users, total, page, limit }`. */
export const GET = handler(async (request) => {
  await requireRole(request, ADMIN_ROLES);
  const query = await readQuery(request, UserListQuerySchema, USER_LIST_KEYS);
  return json(await listUsers(query));
});
