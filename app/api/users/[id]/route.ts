import { deleteUser } from "@/lib/admin/delete";
import { updateUser } from "@/lib/admin/update";
import { getUserDetail } from "@/lib/admin/users";
import { requireRole } from "@/lib/auth/session/sessions";
import { notFound } from "@/lib/http/app-error";
import { handler, json, readJson } from "@/lib/http/handler";
import { ADMIN_ROLES, UpdateUserSchema } from "@/lib/validation/admin";

type Params = { id: string };

/** GET /api/users/{id} (admins): the user with doctor fields, last sign-in and live session count. */
export const GET = handler<Params>(async (request, { params }) => {
  await requireRole(request, ADMIN_ROLES);
  const user = await getUserDetail((await params).id);
  if (!user) throw notFound();
  return json({ user });
});

/** PATCH /api/users/{id} (admins): `name`, `role`, `status`, `approval`, `reason` — the rules are in lib/admin/guard.ts. */
export const PATCH = handler<Params>(async (request, { params }) => {
  const { user: actor } = await requireRole(request, ADMIN_ROLES);
  const changes = await readJson(request, UpdateUserSchema);
  return json({ user: await updateUser(request, actor, (await params).id, changes) });
});

/** DELETE /api/users/{id} (superadmins): the account and everything it owns; the audit event stays. */
export const DELETE = handler<Params>(async (request, { params }) => {
  const { user: actor } = await requireRole(request, ["superadmin"]);
  await deleteUser(request, actor, (await params).id);
  return json({ success: true });
});
