import "server-only";
import { config } from "@/lib/config";
import { layout, text } from "./templates";
import type { Message } from "./transport";

/**
 * The notices of "Your data" (docs/PRIVACY.md): an export, and each step of a deletion. Each says
 * what happened and what to do if it was not the owner. Dates are written in UTC, unambiguous in
 * any language.
 */

const utcDate = (d: Date) => `${d.toISOString().slice(0, 10)} (${d.toISOString().slice(11, 16)} UTC)`;

function notice(to: string, subject: string, title: string, lines: string[], link?: { href: string; label: string }): Message {
  return { to, subject, text: text(link ? [...lines, "", link.href] : lines), html: layout(title, lines, undefined, link) };
}

export function dataExportedEmail(to: string): Message {
  const where = `${config().APP_URL}/account/data`;
  return notice(
    to,
    "A copy of your CareGate data was downloaded",
    "Your data was exported",
    [
      "A copy of everything your CareGate account holds (your details, records, sharing and activity) was just downloaded.",
      "If this was not you, someone is signed in to your account: change your password now and sign out everywhere.",
    ],
    { href: where, label: "Open Your data" },
  );
}

export function deletionScheduledEmail(to: string, when: Date): Message {
  const where = `${config().APP_URL}/account/data`;
  return notice(
    to,
    "Your CareGate account will be deleted",
    "Account deletion scheduled",
    [
      `Your CareGate account and everything it holds will be deleted on ${utcDate(when)}. Every device was signed out and your sharing with doctors was stopped.`,
      "Changed your mind? Sign in before that date and choose \"Keep my account\".",
      "If this was not you, sign in, keep your account, then change your password.",
    ],
    { href: where, label: "Keep my account" },
  );
}

export function deletionCancelledEmail(to: string): Message {
  return notice(to, "Your CareGate account will not be deleted", "Deletion cancelled", [
    "The deletion of your CareGate account was cancelled: your account stays. Sharing with doctors that was stopped stays stopped; share again from your records page if you wish.",
    `If this was not you, change your password now at ${config().APP_URL}/account.`,
  ]);
}

export function accountDeletedEmail(to: string): Message {
  return notice(to, "Your CareGate account was deleted", "Account deleted", [
    "Your CareGate account was deleted as you asked, with your records, sharing and sign-in methods.",
    "A record of security events stays, without your name, email address or IP addresses (see the privacy notice). You can sign up again with this address at any time: it makes a new, empty account.",
  ]);
}
