import { verifySignup } from "@/lib/auth/flows/verify-otp";
import { jsonWithSession } from "@/lib/auth/session/response";
import { readSignupCookie } from "@/lib/auth/session/signup-cookie";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** The binding is `signupId` in the body (API clients) or the sign-up cookie (browsers). */
export const POST = route(contract.POST, async ({ request, actor, body: { email, code, signupId } }) => {
  const { user, ...session } = await verifySignup(actor, email, code, signupId ?? readSignupCookie(request.headers.get("cookie")));
  return jsonWithSession({ success: true, user }, session, 200, { clearSignup: true });
});
