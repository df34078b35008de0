import { resendSignupCode } from "@/lib/auth/flows/resend-otp";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ actor, body }) => {
  await resendSignupCode(actor, body.email);
  return json({ success: true });
});
