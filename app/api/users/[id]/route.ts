import { deleteUser } from "@/lib/admin/delete";
import { updateUser } from "@/lib/admin/update";
import { getUserDetail } from "@/lib/admin/users";
import { notFound } from "@/lib/http/app-error";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** GET /api/users/{id} (admins): the user with doctor fields, last sign-in and live session count. */
export const GET = route(contract.GET, async ({ params }) => {
  const user = await getUserDetail(params.id);
  if (!user) throw notFound();
  return json({ user });
});

/** PATCH /api/users/{id} (admins): `name`, `role`, `status`, `approval`, `reason` — the rules are in lib/admin/policy.ts. */
export const PATCH = route(contract.PATCH, async ({ actor, params, body }) =>
  json({ user: await updateUser(actor, params.id, body) }),
);

/** DELETE /api/users/{id} (superadmins): the account and everything it owns; the audit event stays. */
export const DELETE = route(contract.DELETE, async ({ actor, params }) => {
  await deleteUser(actor, params.id);
  return json({ success: true });
});
