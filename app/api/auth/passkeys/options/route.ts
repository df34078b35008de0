import { startPasskeyRegistration } from "@/lib/auth/flows/passkeys";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/auth/passkeys/options → { challengeId, options } for registering a passkey. */
export const POST = route(contract.POST, async ({ session }) => json(await startPasskeyRegistration(session)));
