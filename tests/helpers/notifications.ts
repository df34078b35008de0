import * as sessionsRoute from "@/app/api/auth/sessions/route";
import * as unsubscribeRoute from "@/app/api/unsubscribe/[token]/route";
import * as notificationsRoute from "@/app/api/users/me/notifications/route";
import { call, type CallOptions } from "./http";
import { mail } from "./mail";
import type { CapturedEmail } from "./smtp";

/** Notification emails (docs/NOTIFICATIONS.md): who got which, their headers, and the routes that change the choices. */

export const UA = {
  chromeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
};

export const NEW_SIGN_IN_SUBJECT = "New sign-in to your CareGate account";

/** The emails to `to` so far whose subject matches. */
export const emailsTo = (to: string, subject: string | RegExp) =>
  mail.to(to).filter((m) => (typeof subject === "string" ? m.subject === subject : subject.test(m.subject)));

/** A header exactly as it was sent (unfolded), or null: mailparser would turn List-* headers into objects. */
export function headerOf(email: CapturedEmail, name: string): string | null {
  const line = email.raw.headerLines.find((h) => h.key === name.toLowerCase());
  return line ? line.line.slice(line.line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim() : null;
}

/** The token of the List-Unsubscribe URL of an email. */
export function unsubscribeTokenOf(email: CapturedEmail): string {
  const m = /^<http:\/\/localhost:3000\/api\/unsubscribe\/([^>]+)>$/.exec(headerOf(email, "List-Unsubscribe") ?? "");
  if (!m) throw new Error(`no List-Unsubscribe URL in "${email.subject}"`);
  return m[1]!;
}

export const ONE_CLICK = "List-Unsubscribe=One-Click";

/** POST /api/unsubscribe/{token} as a mail client sends it: a form body, no cookie, its own Origin. */
export const unsubscribePost = (token: string, opts: CallOptions & { form?: string; type?: string } = {}) =>
  call(unsubscribeRoute, "POST", {
    origin: "https://mail.example.net",
    ...opts,
    rawBody: opts.form ?? ONE_CLICK,
    headers: { "content-type": opts.type ?? "application/x-www-form-urlencoded", ...opts.headers },
    params: { token },
  });

export const unsubscribeGet = (token: string) => call(unsubscribeRoute, "GET", { params: { token }, headers: { accept: "text/html" } });

export const getPreferences = (token: string) => call(notificationsRoute, "GET", { token });
export const patchPreferences = (token: string, body: unknown, opts: CallOptions = {}) => call(notificationsRoute, "PATCH", { ...opts, token, body });
export const listSessions = (token: string) => call(sessionsRoute, "GET", { token });
