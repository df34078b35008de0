import { z } from "zod";
import { requireRole } from "@/lib/auth/session/sessions";
import { notFound } from "@/lib/http/app-error";
import { handler, json } from "@/lib/http/handler";
import { revokeGrant } from "@/lib/records/sharing";

/** Revokes a grant at once (the patient who made it; anyone else's is 404). */
export const DELETE = handler<{ id: string }>(async (request, { params }) => {
  const { user } = await requireRole(request, ["patient"]);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw notFound();
  await revokeGrant(request, user.id, id.data);
  return json({ success: true });
});
