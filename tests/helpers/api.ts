import * as changeEmailRequestRoute from "@/app/api/auth/change-email/request/route";
import * as changeEmailVerifyRoute from "@/app/api/auth/change-email/verify/route";
import * as changePasswordRoute from "@/app/api/auth/change-password/route";
import * as forgotRequestRoute from "@/app/api/auth/forgot-password/request/route";
import * as forgotVerifyRoute from "@/app/api/auth/forgot-password/verify/route";
import * as loginRoute from "@/app/api/auth/login/route";
import * as resetLinkRoute from "@/app/api/auth/reset-password/[token]/route";
import * as meRoute from "@/app/api/users/me/route";
import { call, type CallOptions } from "./http";
import { mail } from "./mail";
import { codeFrom, linkFrom } from "./smtp";

/**
 * One shortcut per route that several test files call the same way, each through the real route
 * handler (`call`). `opts` adds what `call` takes: ip, headers, cookie, origin…
 */

export const login = (email: string, password: string, opts: CallOptions = {}) => call(loginRoute, "POST", { ...opts, body: { email, password } });

export const me = (token: string) => call(meRoute, "GET", { token });

export const forgotRequest = (email: string, opts: CallOptions = {}) => call(forgotRequestRoute, "POST", { ...opts, body: { email } });

export const forgotVerify = (body: Record<string, unknown>, opts: CallOptions = {}) => call(forgotVerifyRoute, "POST", { ...opts, body });

export const resetWithLink = (token: string, body: Record<string, unknown>, opts: CallOptions = {}) =>
  call(resetLinkRoute, "POST", { ...opts, body, params: { token } });

export const changePassword = (token: string, body: Record<string, unknown>, opts: CallOptions = {}) =>
  call(changePasswordRoute, "POST", { ...opts, token, body });

export const changeEmailRequest = (token: string, body: Record<string, unknown>, opts: CallOptions = {}) =>
  call(changeEmailRequestRoute, "POST", { ...opts, token, body });

export const changeEmailVerify = (token: string, code: string) => call(changeEmailVerifyRoute, "POST", { token, body: { code } });

/** The password pair the reset endpoints take. */
export const pair = (password: string, confirmPassword = password) => ({ password, confirmPassword });

/**
 * Asks for a reset and returns what the n-th email to that address carries. The earlier n - 1 are
 * awaited first: the mail queue may deliver two queued messages in either order, so without this the
 * sign-up email could arrive second and be taken for the reset one.
 */
export async function requestReset(email: string, n: number) {
  if (n > 1) await mail.waitFor(email, n - 1);
  const res = await forgotRequest(email);
  if (res.status !== 200) throw new Error(`forgot-password failed: ${res.status} ${JSON.stringify(res.body)}`);
  const message = await mail.waitFor(email, n);
  const link = linkFrom(message);
  return { message, code: codeFrom(message), link, token: new URL(link).searchParams.get("token")! };
}
