import { requestPasswordReset } from "@/lib/auth/flows/forgot-password";
import { handler, json, readJson } from "@/lib/http/handler";
import { EmailOnlySchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const { email } = await readJson(request, EmailOnlySchema);
  await requestPasswordReset(request, email);
  return json({ success: true });
}, { ipLimit: true });
