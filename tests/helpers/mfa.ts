import { eq } from "drizzle-orm";
import { generate } from "otplib";
import * as mfaStatusRoute from "@/app/api/auth/mfa/route";
import * as confirmRoute from "@/app/api/auth/mfa/totp/confirm/route";
import * as disableRoute from "@/app/api/auth/mfa/totp/disable/route";
import * as recoveryCodesRoute from "@/app/api/auth/mfa/recovery-codes/route";
import * as setupRoute from "@/app/api/auth/mfa/totp/setup/route";
import * as verifyRoute from "@/app/api/auth/mfa/verify/route";
import { users } from "@/lib/db/schema";
import { db } from "./db";
import { call, type CallOptions } from "./http";

/** Second-factor helpers (docs/MFA.md): every call goes through the real routes; codes come from otplib, as an app would make them. */

/** The TOTP code of `secret` for the current 30 s step, or `steps` steps later/earlier. */
export const totpCode = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * steps });

export const totpSetup = (token: string) => call(setupRoute, "POST", { token });
export const totpConfirm = (token: string, code: string) => call(confirmRoute, "POST", { token, body: { code } });
export const totpDisable = (token: string, body: Record<string, unknown>, opts: CallOptions = {}) => call(disableRoute, "POST", { ...opts, token, body });
export const renewRecoveryCodes = (token: string, body: Record<string, unknown>) => call(recoveryCodesRoute, "POST", { token, body });
export const mfaVerify = (body: Record<string, unknown>, opts: CallOptions = {}) => call(verifyRoute, "POST", { ...opts, body });
export const mfaStatus = (token: string) => call(mfaStatusRoute, "GET", { token });

/** Sets up and confirms TOTP for a signed-in account; the confirmation spends the current step. */
export async function enableTotp(token: string) {
  const setup = await totpSetup(token);
  if (setup.status !== 200) throw new Error(`totp setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const secret = setup.body.secret as string;
  const confirm = await totpConfirm(token, await totpCode(secret));
  if (confirm.status !== 200) throw new Error(`totp confirm failed: ${confirm.status} ${JSON.stringify(confirm.body)}`);
  return { secret, recoveryCodes: confirm.body.recoveryCodes as string[] };
}

/** Gives an account a role directly (the admin API lives on another branch), optionally as of `daysAgo`. */
export async function setRole(userId: string, role: "patient" | "doctor" | "admin" | "superadmin", createdDaysAgo = 0) {
  await (await db())
    .update(users)
    .set({ role, createdAt: new Date(Date.now() - createdDaysAgo * 86_400_000), roleSince: null })
    .where(eq(users.id, userId));
}
