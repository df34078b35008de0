import { resendSignupCode } from "@/lib/auth/flows/resend-otp";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ request, body }) => {
  await resendSignupCode(request, body.email);
  return json({ success: true });
});
