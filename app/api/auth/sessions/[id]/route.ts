import { z } from "zod";
import { endOwnSession } from "@/lib/auth/flows/sessions";
import { requireSession } from "@/lib/auth/session/sessions";
import { notFound } from "@/lib/http/app-error";
import { handler, json } from "@/lib/http/handler";

export const DELETE = handler<{ id: string }>(async (request, { params }) => {
  const { user } = await requireSession(request);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw notFound();
  await endOwnSession(request, user.id, id.data);
  return json({ success: true });
});
