import { requestEmailChange } from "@/lib/auth/flows/change-email";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json, readJson } from "@/lib/http/handler";
import { ChangeEmailRequestSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const { user } = await requireSession(request);
  const { newEmail, currentPassword } = await readJson(request, ChangeEmailRequestSchema);
  await requestEmailChange(request, user, newEmail, currentPassword);
  return json({ success: true });
}, { ipLimit: true });
