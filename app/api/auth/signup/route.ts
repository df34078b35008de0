import { signup } from "@/lib/auth/flows/signup";
import { enforceIpLimit } from "@/lib/auth/throttle/counters";
import { handler, json, readJson } from "@/lib/http/handler";
import { SignupSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  await enforceIpLimit(request);
  const input = await readJson(request, SignupSchema);
  const { email } = await signup(request, input);
  return json({ success: true, email }, 201);
});
