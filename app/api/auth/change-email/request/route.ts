import { requestEmailChange } from "@/lib/auth/flows/change-email";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json, readJson } from "@/lib/http/handler";
import { ChangeEmailRequestSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const session = await requireSession(request);
  const { newEmail, currentPassword, code, recoveryCode } = await readJson(request, ChangeEmailRequestSchema);
  await requestEmailChange(request, session, newEmail, currentPassword, { code, recoveryCode });
  return json({ success: true });
}, { ipLimit: true });
