import { login } from "@/lib/auth/flows/login";
import { handler, json, readJson } from "@/lib/http/handler";
import { jsonWithSession } from "@/lib/auth/session/response";
import { LoginSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const { email, password } = await readJson(request, LoginSchema);
  const result = await login(request, email, password);
  // A second factor is due (docs/MFA.md "Sign-in"): no session yet, only the token for /api/auth/mfa/verify.
  if ("mfaRequired" in result) return json(result);
  const { user, ...session } = result;
  return jsonWithSession({ user }, session);
}, { ipLimit: "with-first-statement" });
