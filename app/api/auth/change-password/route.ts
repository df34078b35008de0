import { changePassword } from "@/lib/auth/flows/change-password";
import { jsonWithSession } from "@/lib/auth/session/response";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ actor, session, body }) => {
  const { user, ...next } = await changePassword(actor, session.user, body.currentPassword, body.newPassword);
  return jsonWithSession({ message: "Your password has been changed. Other devices were signed out.", user }, next);
});
