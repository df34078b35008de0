import { and, eq } from "drizzle-orm";
import * as changeEmailRequestRoute from "@/app/api/auth/change-email/request/route";
import * as changeEmailVerifyRoute from "@/app/api/auth/change-email/verify/route";
import * as changePasswordRoute from "@/app/api/auth/change-password/route";
import * as forgotRequestRoute from "@/app/api/auth/forgot-password/request/route";
import * as forgotVerifyRoute from "@/app/api/auth/forgot-password/verify/route";
import * as loginRoute from "@/app/api/auth/login/route";
import * as resetLinkRoute from "@/app/api/auth/reset-password/[token]/route";
import * as meRoute from "@/app/api/users/me/route";
import { type CodePurpose, securityEvents, verificationCodes } from "@/lib/db/schema";
import { db } from "./db";
import { call, type CallOptions } from "./http";
import { mail } from "./mail";
import { codeFrom, linkFrom } from "./smtp";

/** Helpers for the password and email lifecycle tests (issue 4): every call goes through the real routes. */

export const NEW_PASSWORD = "Copper-Meadow-Violin-77";

export const forgotRequest = (email: string, opts: CallOptions = {}) => call(forgotRequestRoute, "POST", { ...opts, body: { email } });

export const forgotVerify = (body: Record<string, unknown>, opts: CallOptions = {}) => call(forgotVerifyRoute, "POST", { ...opts, body });

export const resetWithLink = (token: string, body: Record<string, unknown>, opts: CallOptions = {}) =>
  call(resetLinkRoute, "POST", { ...opts, body, params: { token } });

export const changePassword = (token: string, body: Record<string, unknown>, opts: CallOptions = {}) =>
  call(changePasswordRoute, "POST", { ...opts, token, body });

export const changeEmailRequest = (token: string, body: Record<string, unknown>, opts: CallOptions = {}) =>
  call(changeEmailRequestRoute, "POST", { ...opts, token, body });

export const changeEmailVerify = (token: string, code: string) => call(changeEmailVerifyRoute, "POST", { token, body: { code } });

export const login = (email: string, password: string) => call(loginRoute, "POST", { body: { email, password } });

export const me = (token: string) => call(meRoute, "GET", { token });

/** Asks for a reset and returns what the n-th email to that address carries. */
export async function requestReset(email: string, n: number) {
  const res = await forgotRequest(email);
  if (res.status !== 200) throw new Error(`forgot-password failed: ${res.status} ${JSON.stringify(res.body)}`);
  const message = await mail.waitFor(email, n);
  const link = linkFrom(message);
  return { message, code: codeFrom(message), link, token: new URL(link).searchParams.get("token")! };
}

/** The password pair the reset endpoints take. */
export const pair = (password: string, confirmPassword = password) => ({ password, confirmPassword });

export async function codeRow(userId: string, purpose: CodePurpose) {
  const [row] = await (await db())
    .select()
    .from(verificationCodes)
    .where(and(eq(verificationCodes.userId, userId), eq(verificationCodes.purpose, purpose)));
  return row;
}

export async function auditTypes(userId: string): Promise<string[]> {
  const rows = await (await db()).select({ type: securityEvents.type }).from(securityEvents).where(eq(securityEvents.userId, userId));
  return rows.map((r) => r.type);
}
