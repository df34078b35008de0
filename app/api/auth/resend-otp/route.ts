import { resendSignupCode } from "@/lib/auth/flows/resend-otp";
import { handler, json, readJson } from "@/lib/http/handler";
import { EmailOnlySchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const { email } = await readJson(request, EmailOnlySchema);
  await resendSignupCode(request, email);
  return json({ success: true });
}, { ipLimit: true });
