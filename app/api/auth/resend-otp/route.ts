import { resendSignupCode } from "@/lib/auth/resend";
import { enforceIpLimit } from "@/lib/auth/throttle";
import { handler, json, readJson } from "@/lib/http/handler";
import { EmailOnlySchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  await enforceIpLimit(request);
  const { email } = await readJson(request, EmailOnlySchema);
  await resendSignupCode(request, email);
  return json({ success: true });
});
