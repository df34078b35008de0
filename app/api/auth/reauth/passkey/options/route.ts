import { reauthPasskeyOptions } from "@/lib/auth/flows/reauth";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/auth/reauth/passkey/options → { challengeId, options } for navigator.credentials.get. */
export const POST = route(contract.POST, async ({ session }) => json(await reauthPasskeyOptions(session)));
