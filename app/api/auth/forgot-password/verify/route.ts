import { resetWithCode } from "@/lib/auth/flows/forgot-password";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ actor, body: { email, code, password } }) => {
  await resetWithCode(actor, email, code, password);
  return json({ success: true });
});
