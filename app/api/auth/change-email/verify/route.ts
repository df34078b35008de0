import { verifyEmailChange } from "@/lib/auth/flows/change-email";
import { requireSession } from "@/lib/auth/session/sessions";
import { enforceIpLimit } from "@/lib/auth/throttle/counters";
import { handler, json, readJson } from "@/lib/http/handler";
import { ChangeEmailVerifySchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  await enforceIpLimit(request);
  const { user } = await requireSession(request);
  const { code } = await readJson(request, ChangeEmailVerifySchema);
  return json({ user: await verifyEmailChange(request, user, code) });
});
