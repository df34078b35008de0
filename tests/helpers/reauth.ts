import { eq, sql } from "drizzle-orm";
import * as reauthOptionsRoute from "@/app/api/auth/reauth/passkey/options/route";
import * as reauthRoute from "@/app/api/auth/reauth/route";
import * as passkeyRoute from "@/app/api/auth/passkeys/[id]/route";
import * as registerOptionsRoute from "@/app/api/auth/passkeys/options/route";
import * as passkeysRoute from "@/app/api/auth/passkeys/route";
import { sessions } from "@/lib/db/schema";
import { SoftAuthenticator } from "./authenticator";
import { db } from "./db";
import { call, type CallResult, sessionIdOf } from "./http";

/** The recent proof (docs/MFA.md "Recent proof") and passkeys, through the real routes. */

export const reauth = (token: string, body: Record<string, unknown>) => call(reauthRoute, "POST", { token, body });
export const passkeyOptions = (token: string) => call(registerOptionsRoute, "POST", { token });
export const listPasskeys = (token: string) => call(passkeysRoute, "GET", { token });
export const removePasskey = (token: string, id: string, body: Record<string, unknown>) =>
  call(passkeyRoute, "DELETE", { token, body, params: { id } });

/** Registers a passkey made by `authenticator`; answers the options' refusal as it came when there is one. */
export async function addPasskey(token: string, authenticator = new SoftAuthenticator()): Promise<CallResult & { authenticator: SoftAuthenticator }> {
  const options = await passkeyOptions(token);
  if (options.status !== 200) return { ...options, authenticator };
  const body = { challengeId: options.body.challengeId, response: authenticator.register(options.body.options) };
  return { ...(await call(passkeysRoute, "POST", { token, body })), authenticator };
}

/** POST /api/auth/reauth with the password and an assertion of `authenticator`. */
export async function reauthWithPasskey(token: string, password: string, authenticator: SoftAuthenticator) {
  const options = await call(reauthOptionsRoute, "POST", { token });
  if (options.status !== 200) throw new Error(`reauth options failed: ${options.status} ${JSON.stringify(options.body)}`);
  return reauth(token, { password, passkey: { challengeId: options.body.challengeId, response: authenticator.assert(options.body.options) } });
}

/** Makes the session's last proof an hour old: what a session found on a shared computer looks like. */
export async function makeProofStale(token: string): Promise<void> {
  await (await db())
    .update(sessions)
    .set({ reauthAt: sql`now() - interval '1 hour'` })
    .where(eq(sessions.id, sessionIdOf(token)));
}
