import { verifyEmailChange } from "@/lib/auth/change-email";
import { requireSession } from "@/lib/auth/sessions";
import { enforceIpLimit } from "@/lib/auth/throttle";
import { handler, json, readJson } from "@/lib/http/handler";
import { ChangeEmailVerifySchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  await enforceIpLimit(request);
  const { user } = await requireSession(request);
  const { code } = await readJson(request, ChangeEmailVerifySchema);
  return json({ user: await verifyEmailChange(request, user, code) });
});
