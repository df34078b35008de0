import { login } from "@/lib/auth/flows/login";
import { handler, readJson } from "@/lib/http/handler";
import { jsonWithSession } from "@/lib/http/session-response";
import { LoginSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const { email, password } = await readJson(request, LoginSchema);
  const { user, ...session } = await login(request, email, password);
  return jsonWithSession({ user }, session);
}, { ipLimit: true });
