import "server-only";
import { config } from "@/lib/config";
import type { Message } from "./transport";

/**
 * Every message has an HTML and a plain-text part (docs/RULES.md "Emails"). Codes stand alone on their own line
 * in the text part so a reader, a screen reader and a test can all pick them out. Links are built
 * from APP_URL only, never from the request's Host or forwarding headers.
 */

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

const IGNORE_NOTE = "If you did not ask for this, you can ignore this email. CareGate staff will never ask you for this code.";

/** `footer`: the small print; notices that nobody asked for (notifications) say why they came instead. */
export function layout(title: string, paragraphs: string[], code?: string, link?: { href: string; label: string }, footer: string = IGNORE_NOTE) {
  const body = [
    ...paragraphs.map((p) => `<p style="margin:0 0 16px">${esc(p)}</p>`),
    code
      ? `<p style="font-size:28px;letter-spacing:6px;font-weight:bold;margin:0 0 16px" aria-label="Your code">${esc(code)}</p>`
      : "",
    link
      ? `<p style="margin:0 0 16px"><a href="${esc(link.href)}" style="color:#0f5f8c">${esc(link.label)}</a></p>`
      : "",
    `<p style="margin:24px 0 0;color:#555;font-size:13px">${esc(footer)}</p>`,
  ].join("");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:0 auto;padding:24px"><h1 style="font-size:20px">${esc(title)}</h1>${body}</body></html>`;
}

export function text(lines: string[], footer = "If you did not ask for this, you can ignore this email.") {
  return [...lines, "", footer].join("\n");
}

const minutes = (s: number) => Math.max(1, Math.round(s / 60));

export function signupCodeEmail(to: string, code: string): Message {
  const m = minutes(config().OTP_TTL_SECONDS);
  const intro = `Welcome to CareGate. Enter this code to confirm your email address. It expires in ${m} minutes.`;
  return {
    to,
    subject: `Your CareGate confirmation code: ${code}`,
    text: text([intro, "", code]),
    html: layout("Confirm your email", [intro], code),
  };
}

export function resetEmail(to: string, code: string, token: string): Message {
  const cfg = config();
  const href = `${cfg.APP_URL}/auth/reset-password?token=${encodeURIComponent(token)}`;
  const intro = `Someone asked to reset the password of your CareGate account. Enter this code within ${minutes(cfg.OTP_TTL_SECONDS)} minutes:`;
  const linkLine = `Or open this link within ${minutes(cfg.RESET_TOKEN_TTL_SECONDS)} minutes:`;
  return {
    to,
    subject: "Reset your CareGate password",
    text: text([intro, "", code, "", linkLine, href]),
    html: layout("Reset your password", [intro], code, { href, label: "Choose a new password" }),
  };
}

export function passwordChangedEmail(to: string): Message {
  const line = "The password of your CareGate account was just changed, and every signed-in device was signed out.";
  const help = "If this was not you, reset your password now and contact support.";
  return { to, subject: "Your CareGate password was changed", text: text([line, help]), html: layout("Password changed", [line, help]) };
}

export function emailChangeCodeEmail(to: string, code: string): Message {
  const intro = `Enter this code to make this address the email of your CareGate account. It expires in ${minutes(config().OTP_TTL_SECONDS)} minutes.`;
  return {
    to,
    subject: `Your CareGate email change code: ${code}`,
    text: text([intro, "", code]),
    html: layout("Confirm your new email", [intro], code),
  };
}

export function emailChangedEmail(to: string, newEmail: string): Message {
  const line = `The email of your CareGate account was changed to ${newEmail}. This address will no longer receive messages about the account.`;
  const help = "If this was not you, contact support immediately.";
  return { to, subject: "Your CareGate email was changed", text: text([line, help]), html: layout("Email changed", [line, help]) };
}

/** Administration: an admin approved the doctor account; the link goes to their dashboard. */
export function doctorApprovedEmail(to: string, name: string): Message {
  const href = `${config().APP_URL}/dashboard`;
  const line = `Hello ${name}, an administrator approved your CareGate doctor account. You can now use the doctor tools.`;
  return {
    to,
    subject: "Your CareGate doctor account is approved",
    text: text([line, "", `Sign in: ${href}`]),
    html: layout("Doctor account approved", [line], undefined, { href, label: "Open your dashboard" }),
  };
}

/** An admin did not approve the doctor account; the reason is quoted so the doctor can act on it. */
export function doctorRejectedEmail(to: string, name: string, reason: string): Message {
  const line = `Hello ${name}, an administrator did not approve your CareGate doctor account.`;
  const why = `Reason: ${reason}`;
  const help = "If you think this is a mistake, or can provide what is missing, contact support.";
  return {
    to,
    subject: "Your CareGate doctor account was not approved",
    text: text([line, "", why, "", help]),
    html: layout("Doctor account not approved", [line, why, help]),
  };
}
