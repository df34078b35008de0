import { verifySignup } from "@/lib/auth/flows/verify-otp";
import { handler, readJson } from "@/lib/http/handler";
import { jsonWithSession } from "@/lib/http/session-response";
import { VerifyOtpSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const { email, code } = await readJson(request, VerifyOtpSchema);
  const { user, ...session } = await verifySignup(request, email, code);
  return jsonWithSession({ success: true, user }, session);
}, { ipLimit: true });
