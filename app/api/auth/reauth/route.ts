import { reauthenticate } from "@/lib/auth/flows/reauth";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json, readJson } from "@/lib/http/handler";
import { ReauthSchema } from "@/lib/validation/mfa";

/** POST /api/auth/reauth { password, code? | recoveryCode? | passkey? } → { reauthenticatedUntil, level }. */
export const POST = handler(async (request) => {
  const session = await requireSession(request, { duringMfaSetup: true });
  const { password, code, recoveryCode, passkey } = await readJson(request, ReauthSchema);
  return json(await reauthenticate(request, session, password, { code, recoveryCode, passkey }));
}, { ipLimit: true });
