import { z } from "zod";
import { resetUserMfa } from "@/lib/admin/mfa-reset";
import { requireRole } from "@/lib/auth/session/sessions";
import { notFound } from "@/lib/http/app-error";
import { handler, json } from "@/lib/http/handler";

/** POST /api/users/{id}/mfa/reset (admin, superadmin): removes the user's factors; audited, user emailed. */
export const POST = handler<{ id: string }>(async (request, { params }) => {
  const { user: actor } = await requireRole(request, ["admin", "superadmin"]);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw notFound();
  await resetUserMfa(request, actor, id.data);
  return json({ success: true });
});
