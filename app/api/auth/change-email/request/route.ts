import { requestEmailChange } from "@/lib/auth/change-email";
import { requireSession } from "@/lib/auth/sessions";
import { enforceIpLimit } from "@/lib/auth/throttle";
import { handler, json, readJson } from "@/lib/http/handler";
import { ChangeEmailRequestSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  await enforceIpLimit(request);
  const { user } = await requireSession(request);
  const { newEmail, currentPassword } = await readJson(request, ChangeEmailRequestSchema);
  await requestEmailChange(request, user, newEmail, currentPassword);
  return json({ success: true });
});
