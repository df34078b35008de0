import "server-only";
import { config } from "@/lib/config";
import { intlLocale } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { type Line, type MailWriter, mailWriter } from "@/lib/mail/i18n";
import { layout, text } from "@/lib/mail/templates";
import type { Message } from "@/lib/mail/transport";
import { type Category, unsubscribeToken } from "./unsubscribe-token";

/**
 * The notification emails (docs/NOTIFICATIONS.md), in the recipient's language (docs/I18N.md
 * "Emails"). The new-device alert is a security email: no unsubscribe header, no switch. The
 * optional ones carry RFC 8058 one-click unsubscribe headers and the same link in their text, and
 * say how to turn them off.
 */

/** Times in emails are UTC and say so: the server does not know the reader's time zone. */
export function emailTime(at: Date, locale: Locale = "en"): string {
  return mailWriter(locale).words("notices.timeUtc", { time: timeFormat(locale).format(at) });
}

// Made once per language: a sign-in's new-device check writes a time every time.
const timeFormats = new Map<Locale, Intl.DateTimeFormat>();
function timeFormat(locale: Locale): Intl.DateTimeFormat {
  let f = timeFormats.get(locale);
  if (!f) timeFormats.set(locale, (f = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })));
  return f;
}

export function unsubscribeUrl(userId: string, category: Category): string {
  return `${config().APP_URL}/api/unsubscribe/${unsubscribeToken(userId, category)}`;
}

/** RFC 2369 List-Unsubscribe with the RFC 8058 one-click marker: mail clients show an "Unsubscribe" button. */
export function unsubscribeHeaders(userId: string, category: Category): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl(userId, category)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export function newDeviceEmail(to: string, info: { at: Date; device: string; ip: string | null }, locale: Locale): Message {
  const w = mailWriter(locale);
  const href = `${config().APP_URL}/account/devices`;
  const why = w.line("notices.whySecurity");
  const lines = [
    w.line("notices.newDevice.line"),
    w.line("notices.newDevice.time", { time: emailTime(info.at, locale) }),
    w.line("notices.newDevice.device", { device: info.device }, ["device"]),
    w.line("notices.newDevice.ip", { ip: info.ip ?? w.words("notices.newDevice.unknownIp") }, info.ip ? ["ip"] : []),
    w.line("notices.newDevice.wasYou"),
    w.line("notices.newDevice.notYou"),
  ];
  return {
    to,
    subject: w.words("notices.newDevice.subject"),
    text: text(w, [...lines, "", href], why),
    html: layout(w, w.words("notices.newDevice.title"), lines, undefined, { href, label: w.words("notices.newDevice.linkLabel") }, why),
  };
}

type Optional = { subject: string; title: string; lines: Line[]; href: string; label: string };

function optional(to: string, w: MailWriter, userId: string, category: Category, mail: Optional): Message {
  const off = unsubscribeUrl(userId, category);
  const why = w.line("notices.whyOptional", { off, account: `${config().APP_URL}/account/data` }, ["off", "account"]);
  return {
    to,
    subject: mail.subject,
    text: text(w, [...mail.lines, "", mail.href], why),
    html: layout(w, mail.title, mail.lines, undefined, { href: mail.href, label: mail.label }, why),
    headers: unsubscribeHeaders(userId, category),
  };
}

export function recordViewedEmail(to: string, patientId: string, doctorName: string, locale: Locale): Message {
  const w = mailWriter(locale);
  const doctor = { doctor: doctorName };
  return optional(to, w, patientId, "recordViewed", {
    subject: w.words("notices.recordViewed.subject", doctor),
    title: w.words("notices.recordViewed.title"),
    lines: [w.line("notices.recordViewed.line", doctor), w.line("notices.recordViewed.log")],
    href: `${config().APP_URL}/records`,
    label: w.words("notices.recordViewed.linkLabel"),
  });
}

export function grantExpiringPatientEmail(to: string, patientId: string, doctorName: string, expiresAt: Date, locale: Locale): Message {
  const w = mailWriter(locale);
  return optional(to, w, patientId, "grantExpiring", {
    subject: w.words("notices.grantExpiringPatient.subject", { doctor: doctorName }),
    title: w.words("notices.grantExpiringPatient.title"),
    lines: [
      w.line("notices.grantExpiringPatient.line", { doctor: doctorName, time: emailTime(expiresAt, locale) }),
      w.line("notices.grantExpiringPatient.again"),
    ],
    href: `${config().APP_URL}/records`,
    label: w.words("notices.grantExpiringPatient.linkLabel"),
  });
}

export function grantExpiringDoctorEmail(to: string, doctorId: string, patientName: string, expiresAt: Date, locale: Locale): Message {
  const w = mailWriter(locale);
  return optional(to, w, doctorId, "grantExpiring", {
    subject: w.words("notices.grantExpiringDoctor.subject", { patient: patientName }),
    title: w.words("notices.grantExpiringDoctor.title"),
    lines: [
      w.line("notices.grantExpiringDoctor.line", { patient: patientName, time: emailTime(expiresAt, locale) }),
      w.line("notices.grantExpiringDoctor.only"),
    ],
    href: `${config().APP_URL}/patients`,
    label: w.words("notices.grantExpiringDoctor.linkLabel"),
  });
}
