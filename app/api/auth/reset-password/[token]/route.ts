import { resetWithLink } from "@/lib/auth/flows/reset-password";
import { handler, json, readJson } from "@/lib/http/handler";
import { ResetPasswordSchema } from "@/lib/validation/auth";

export const POST = handler<{ token: string }>(async (request, { params }) => {
  const { token } = await params;
  const { password } = await readJson(request, ResetPasswordSchema);
  await resetWithLink(request, token, password);
  return json({ message: "Your password has been reset. Sign in with your new password." });
}, { ipLimit: true });
