import { signup } from "@/lib/auth/flows/signup";
import { handler, readJson } from "@/lib/http/handler";
import { jsonWithSignup } from "@/lib/auth/session/response";
import { SignupSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const input = await readJson(request, SignupSchema);
  return jsonWithSignup(await signup(request, input));
}, { ipLimit: true });
