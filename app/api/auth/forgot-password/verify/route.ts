import { resetWithCode } from "@/lib/auth/flows/forgot-password";
import { handler, json, readJson } from "@/lib/http/handler";
import { ForgotVerifySchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const { email, code, password } = await readJson(request, ForgotVerifySchema);
  await resetWithCode(request, email, code, password);
  return json({ success: true });
}, { ipLimit: true });
