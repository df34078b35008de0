import { requestPasswordReset } from "@/lib/auth/flows/forgot-password";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ request, body }) => {
  await requestPasswordReset(request, body.email);
  return json({ success: true });
});
