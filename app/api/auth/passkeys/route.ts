import { listPasskeys, registerPasskey } from "@/lib/auth/flows/passkeys";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json, readJson } from "@/lib/http/handler";
import { PasskeyRegisterSchema } from "@/lib/validation/mfa";

/** GET /api/auth/passkeys → { passkeys: [{ id, name, createdAt, lastUsedAt }] } (open during overdue set-up). */
export const GET = handler(async (request) => {
  const { user } = await requireSession(request, { duringMfaSetup: true });
  return json({ passkeys: await listPasskeys(user) });
});

/** POST /api/auth/passkeys { challengeId, response, name? } → 201 { passkey, recoveryCodes? }. */
export const POST = handler(async (request) => {
  const session = await requireSession(request, { duringMfaSetup: true });
  const { challengeId, response, name } = await readJson(request, PasskeyRegisterSchema);
  return json(await registerPasskey(request, session, challengeId, response, name), 201);
});
