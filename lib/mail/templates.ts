import "server-only";
import { config } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locale";
import { esc, type Line, type MailWriter, mailWriter } from "./i18n";
import type { Message } from "./transport";

/**
 * Every message has an HTML and a plain-text part (docs/RULES.md "Emails"), in the recipient's
 * language (./i18n.ts). Codes stand alone on their own line in the text part so a reader, a screen
 * reader and a test can all pick them out. Links are built from APP_URL only, never from the
 * request's Host or forwarding headers.
 */

export type Link = { href: string; label: string };

/** `footer`: the small print; notices that nobody asked for (notifications) say why they came instead. */
export function layout(w: MailWriter, title: string, paragraphs: Line[], code?: string, link?: Link, footer: Line = w.line("layout.ignore")) {
  const body = [
    ...paragraphs.map((p) => `<p style="margin:0 0 16px">${p.html}</p>`),
    code
      ? `<p dir="ltr" style="font-size:28px;letter-spacing:6px;font-weight:bold;margin:0 0 16px" aria-label="${esc(w.words("layout.codeLabel"))}">${esc(code)}</p>`
      : "",
    link
      ? `<p style="margin:0 0 16px"><a href="${esc(link.href)}" style="color:#0f5f8c">${esc(link.label)}</a></p>`
      : "",
    `<p style="margin:24px 0 0;color:#555;font-size:13px">${footer.html}</p>`,
  ].join("");
  return `<!doctype html><html lang="${w.locale}" dir="${w.dir}"><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:0 auto;padding:24px"><h1 style="font-size:20px">${esc(title)}</h1>${body}</body></html>`;
}

/** The text part: lines (values as they are), a blank line, the small print. */
export function text(w: MailWriter, lines: (Line | string)[], footer: Line = w.line("layout.ignoreShort")) {
  return [...lines.map((l) => (typeof l === "string" ? l : l.text)), "", footer.text].join("\n");
}

const minutes = (s: number) => Math.max(1, Math.round(s / 60));

export function signupCodeEmail(to: string, code: string, locale: Locale): Message {
  const w = mailWriter(locale);
  const intro = w.line("signupCode.intro", { minutes: minutes(config().OTP_TTL_SECONDS) });
  return {
    to,
    subject: w.words("signupCode.subject", { code }),
    text: text(w, [intro, "", code]),
    html: layout(w, w.words("signupCode.title"), [intro], code),
  };
}

export function resetEmail(to: string, code: string, token: string, locale: Locale): Message {
  const cfg = config();
  const w = mailWriter(locale);
  const href = `${cfg.APP_URL}/auth/reset-password?token=${encodeURIComponent(token)}`;
  const intro = w.line("reset.intro", { minutes: minutes(cfg.OTP_TTL_SECONDS) });
  const linkLine = w.line("reset.linkLine", { minutes: minutes(cfg.RESET_TOKEN_TTL_SECONDS) });
  return {
    to,
    subject: w.words("reset.subject"),
    text: text(w, [intro, "", code, "", linkLine, href]),
    html: layout(w, w.words("reset.title"), [intro], code, { href, label: w.words("reset.linkLabel") }),
  };
}

export function passwordChangedEmail(to: string, locale: Locale): Message {
  const w = mailWriter(locale);
  const lines = [w.line("passwordChanged.line"), w.line("passwordChanged.help")];
  return { to, subject: w.words("passwordChanged.subject"), text: text(w, lines), html: layout(w, w.words("passwordChanged.title"), lines) };
}

export function emailChangeCodeEmail(to: string, code: string, locale: Locale): Message {
  const w = mailWriter(locale);
  const intro = w.line("emailChangeCode.intro", { minutes: minutes(config().OTP_TTL_SECONDS) });
  return {
    to,
    subject: w.words("emailChangeCode.subject", { code }),
    text: text(w, [intro, "", code]),
    html: layout(w, w.words("emailChangeCode.title"), [intro], code),
  };
}

export function emailChangedEmail(to: string, newEmail: string, locale: Locale): Message {
  const w = mailWriter(locale);
  const lines = [w.line("emailChanged.line", { email: newEmail }, ["email"]), w.line("emailChanged.help")];
  return { to, subject: w.words("emailChanged.subject"), text: text(w, lines), html: layout(w, w.words("emailChanged.title"), lines) };
}

/** Administration: an admin approved the doctor account; the link goes to their dashboard. */
export function doctorApprovedEmail(to: string, name: string, locale: Locale): Message {
  const w = mailWriter(locale);
  const href = `${config().APP_URL}/dashboard`;
  const line = w.line("doctorApproved.line", { name });
  return {
    to,
    subject: w.words("doctorApproved.subject"),
    text: text(w, [line, "", w.line("doctorApproved.signIn", { url: href })]),
    html: layout(w, w.words("doctorApproved.title"), [line], undefined, { href, label: w.words("doctorApproved.linkLabel") }),
  };
}

/** An admin did not approve the doctor account; the reason is quoted so the doctor can act on it. */
export function doctorRejectedEmail(to: string, name: string, reason: string, locale: Locale): Message {
  const w = mailWriter(locale);
  const line = w.line("doctorRejected.line", { name });
  const why = w.line("doctorRejected.reason", { reason });
  const help = w.line("doctorRejected.help");
  return {
    to,
    subject: w.words("doctorRejected.subject"),
    text: text(w, [line, "", why, "", help]),
    html: layout(w, w.words("doctorRejected.title"), [line, why, help]),
  };
}
