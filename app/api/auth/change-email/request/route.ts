import { requestEmailChange } from "@/lib/auth/flows/change-email";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ actor, session, body }) => {
  const { newEmail, currentPassword, code, recoveryCode } = body;
  await requestEmailChange(actor, session, newEmail, currentPassword, { code, recoveryCode });
  return json({ success: true });
});
