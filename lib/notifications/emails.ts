import "server-only";
import { config } from "@/lib/config";
import { layout, text } from "@/lib/mail/templates";
import type { Message } from "@/lib/mail/transport";
import { type Category, unsubscribeToken } from "./unsubscribe-token";

/**
 * The notification emails (docs/NOTIFICATIONS.md). The new-device alert is a security email: no
 * unsubscribe header, no switch. The optional ones carry RFC 8058 one-click unsubscribe headers and
 * the same link in their text, and say how to turn them off.
 */

/** Times in emails are UTC and say so: the server does not know the reader's time zone. */
export function emailTime(at: Date): string {
  const f = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  return `${f.format(at)} UTC`;
}

export function unsubscribeUrl(userId: string, category: Category): string {
  return `${config().APP_URL}/api/unsubscribe/${unsubscribeToken(userId, category)}`;
}

/** RFC 2369 List-Unsubscribe with the RFC 8058 one-click marker: mail clients show an "Unsubscribe" button. */
export function unsubscribeHeaders(userId: string, category: Category): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl(userId, category)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

const WHY_SECURITY = "You get this email because it is about the security of your CareGate account; it cannot be turned off.";

export function newDeviceEmail(to: string, info: { at: Date; device: string; ip: string | null }): Message {
  const href = `${config().APP_URL}/account`;
  const lines = [
    "Your CareGate account was just signed in to from a device it has not used in the last 90 days.",
    `Time: ${emailTime(info.at)}`,
    `Device: ${info.device}`,
    `IP address: ${info.ip ?? "unknown"}`,
    "If this was you, there is nothing to do.",
    "If it was not you, open your account page, sign that device out, and change your password.",
  ];
  return {
    to,
    subject: "New sign-in to your CareGate account",
    text: text([...lines, "", href], WHY_SECURITY),
    html: layout("New sign-in", lines, undefined, { href, label: "Review your devices" }, WHY_SECURITY),
  };
}

function optional(to: string, userId: string, category: Category, mail: { subject: string; title: string; lines: string[]; href: string; label: string }): Message {
  const off = unsubscribeUrl(userId, category);
  const why = `You get this email because this notice is on in your CareGate account. Turn it off: ${off} (or on your account page, ${config().APP_URL}/account).`;
  return {
    to,
    subject: mail.subject,
    text: text([...mail.lines, "", mail.href], why),
    html: layout(mail.title, mail.lines, undefined, { href: mail.href, label: mail.label }, why),
    headers: unsubscribeHeaders(userId, category),
  };
}

export function recordViewedEmail(to: string, patientId: string, doctorName: string): Message {
  return optional(to, patientId, "recordViewed", {
    subject: `${doctorName} opened your health records`,
    title: "A doctor opened your records",
    lines: [
      `${doctorName}, a doctor you share your records with, opened them on CareGate.`,
      "Your access log shows which records were opened and when. We tell you at most once a day per doctor.",
    ],
    href: `${config().APP_URL}/records`,
    label: "See who viewed what",
  });
}

export function grantExpiringPatientEmail(to: string, patientId: string, doctorName: string, expiresAt: Date): Message {
  return optional(to, patientId, "grantExpiring", {
    subject: `Your sharing with ${doctorName} ends soon`,
    title: "Sharing ends soon",
    lines: [
      `${doctorName} can see your health records until ${emailTime(expiresAt)}. After that they no longer can.`,
      "To keep sharing, share with them again and choose a new end date (or none).",
    ],
    href: `${config().APP_URL}/records`,
    label: "Manage sharing",
  });
}

export function grantExpiringDoctorEmail(to: string, doctorId: string, patientName: string, expiresAt: Date): Message {
  return optional(to, doctorId, "grantExpiring", {
    subject: `${patientName}'s shared records close soon`,
    title: "Shared records close soon",
    lines: [
      `${patientName} shares their health records with you until ${emailTime(expiresAt)}. After that you can no longer see them.`,
      "Only the patient can extend it.",
    ],
    href: `${config().APP_URL}/patients`,
    label: "Open your patients",
  });
}
