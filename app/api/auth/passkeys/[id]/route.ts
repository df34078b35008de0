import { removePasskey, renamePasskey } from "@/lib/auth/flows/passkeys";
import { jsonWithSession } from "@/lib/auth/session/response";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** PATCH /api/auth/passkeys/{id} { name } → { passkey }. */
export const PATCH = route(contract.PATCH, async ({ actor, session, params, body }) =>
  json({ passkey: await renamePasskey(actor, session.user, params.id, body.name) }),
);

/** DELETE /api/auth/passkeys/{id} { password, code? | recoveryCode? } → { user, token }; other sessions end. */
export const DELETE = route(contract.DELETE, async ({ actor, session, params, body: { password, code, recoveryCode } }) => {
  const { user: updated, ...fresh } = await removePasskey(actor, session, params.id, password, { code, recoveryCode });
  return jsonWithSession({ user: updated }, fresh);
});
