import { verifySignup } from "@/lib/auth/flows/verify-otp";
import { readSignupCookie } from "@/lib/auth/session/signup-cookie";
import { handler, readJson } from "@/lib/http/handler";
import { jsonWithSession } from "@/lib/auth/session/response";
import { VerifyOtpSchema } from "@/lib/validation/auth";

/** The binding is `signupId` in the body (API clients) or the sign-up cookie (browsers). */
export const POST = handler(async (request) => {
  const { email, code, signupId } = await readJson(request, VerifyOtpSchema);
  const { user, ...session } = await verifySignup(request, email, code, signupId ?? readSignupCookie(request));
  return jsonWithSession({ success: true, user }, session, 200, { clearSignup: true });
}, { ipLimit: true });
