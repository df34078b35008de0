import { requestPasswordReset } from "@/lib/auth/flows/forgot-password";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ actor, body }) => {
  await requestPasswordReset(actor, body.email);
  return json({ success: true });
});
