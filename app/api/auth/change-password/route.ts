import { changePassword } from "@/lib/auth/flows/change-password";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, readJson } from "@/lib/http/handler";
import { jsonWithSession } from "@/lib/auth/session/response";
import { ChangePasswordSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const session = await requireSession(request);
  const { currentPassword, newPassword } = await readJson(request, ChangePasswordSchema);
  const { user, ...next } = await changePassword(request, session.user, currentPassword, newPassword);
  return jsonWithSession({ message: "Your password has been changed. Other devices were signed out.", user }, next);
}, { ipLimit: true });
