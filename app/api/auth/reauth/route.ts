import { reauthenticate } from "@/lib/auth/flows/reauth";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/auth/reauth { password, code? | recoveryCode? | passkey? } → { reauthenticatedUntil, level }. */
export const POST = route(contract.POST, async ({ actor, session, body: { password, code, recoveryCode, passkey } }) =>
  json(await reauthenticate(actor, session, password, { code, recoveryCode, passkey })),
);
