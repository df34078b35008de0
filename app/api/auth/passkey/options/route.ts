import { passwordlessOptions } from "@/lib/auth/flows/passkey-signin";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** POST /api/auth/passkey/options → { challengeId, options }: passwordless sign-in with a passkey. */
export const POST = route(contract.POST, async () => json(await passwordlessOptions()));
