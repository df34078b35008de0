import { listPasskeys, registerPasskey } from "@/lib/auth/flows/passkeys";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** GET /api/auth/passkeys → { passkeys: [{ id, name, createdAt, lastUsedAt }] } (open during overdue set-up). */
export const GET = route(contract.GET, async ({ session }) => json({ passkeys: await listPasskeys(session.user) }));

/** POST /api/auth/passkeys { challengeId, response, name? } → 201 { passkey, recoveryCodes? }. */
export const POST = route(contract.POST, async ({ actor, session, body: { challengeId, response, name } }) =>
  json(await registerPasskey(actor, session, challengeId, response, name), 201),
);
