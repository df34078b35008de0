import { passwordlessOptions } from "@/lib/auth/flows/passkey-signin";
import { handler, json } from "@/lib/http/handler";

/** POST /api/auth/passkey/options → { challengeId, options }: passwordless sign-in with a passkey. */
export const POST = handler(async () => json(await passwordlessOptions()), { ipLimit: true });
