import { login } from "@/lib/auth/flows/login";
import { jsonWithSession } from "@/lib/auth/session/response";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ actor, body }) => {
  const result = await login(actor, body.email, body.password);
  // A second factor is due (docs/MFA.md "Sign-in"): no session yet, only the token for /api/auth/mfa/verify.
  if ("mfaRequired" in result) return json(result);
  const { user, ...session } = result;
  return jsonWithSession({ user }, session);
});
