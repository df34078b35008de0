import { resetWithLink } from "@/lib/auth/flows/reset-password";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ actor, params, body }) => {
  await resetWithLink(actor, params.token, body.password);
  return json({ message: "Your password has been reset. Sign in with your new password." });
});
