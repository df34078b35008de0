import { z } from "zod";
import { audit } from "@/lib/audit";
import { endOwnSession, requireSession } from "@/lib/auth/session/sessions";
import { notFound } from "@/lib/http/app-error";
import { handler, json } from "@/lib/http/handler";

export const DELETE = handler<{ id: string }>(async (request, { params }) => {
  const { user } = await requireSession(request);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw notFound();
  await endOwnSession(user.id, id.data);
  await audit("session_ended", request, user.id, { sessionId: id.data });
  return json({ success: true });
});
