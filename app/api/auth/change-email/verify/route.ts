import { verifyEmailChange } from "@/lib/auth/flows/change-email";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json, readJson } from "@/lib/http/handler";
import { ChangeEmailVerifySchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const { user } = await requireSession(request);
  const { code } = await readJson(request, ChangeEmailVerifySchema);
  return json({ user: await verifyEmailChange(request, user, code) });
}, { ipLimit: true });
