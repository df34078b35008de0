import { signup } from "@/lib/auth/flows/signup";
import { handler, json, readJson } from "@/lib/http/handler";
import { SignupSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const input = await readJson(request, SignupSchema);
  const { email } = await signup(request, input);
  return json({ success: true, email }, 201);
}, { ipLimit: true });
