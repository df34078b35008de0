import { requestPasswordReset } from "@/lib/auth/flows/forgot-password";
import { enforceIpLimit } from "@/lib/auth/throttle/counters";
import { handler, json, readJson } from "@/lib/http/handler";
import { EmailOnlySchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  await enforceIpLimit(request);
  const { email } = await readJson(request, EmailOnlySchema);
  await requestPasswordReset(request, email);
  return json({ success: true });
});
