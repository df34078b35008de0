import "server-only";
import { config } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locale";
import { type Line, type MailWriter, mailWriter } from "./i18n";
import { type Link, layout, text } from "./templates";
import type { Message } from "./transport";

/**
 * The notices of "Your data" (docs/PRIVACY.md): an export, and each step of a deletion. Each says
 * what happened and what to do if it was not the owner. Dates are written in UTC as digits,
 * unambiguous in any language.
 */

const utcDate = (d: Date) => `${d.toISOString().slice(0, 10)} (${d.toISOString().slice(11, 16)} UTC)`;

function notice(to: string, w: MailWriter, subject: string, title: string, lines: Line[], link?: Link): Message {
  return { to, subject, text: text(w, link ? [...lines, "", link.href] : lines), html: layout(w, title, lines, undefined, link) };
}

export function dataExportedEmail(to: string, locale: Locale): Message {
  const w = mailWriter(locale);
  const where = `${config().APP_URL}/account/data`;
  return notice(to, w, w.words("data.exported.subject"), w.words("data.exported.title"), [w.line("data.exported.line"), w.line("data.exported.help")], {
    href: where,
    label: w.words("data.exported.linkLabel"),
  });
}

export function deletionScheduledEmail(to: string, when: Date, locale: Locale): Message {
  const w = mailWriter(locale);
  const where = `${config().APP_URL}/account/data`;
  const lines = [
    w.line("data.deletionScheduled.line", { date: utcDate(when) }, ["date"]),
    w.line("data.deletionScheduled.keep"),
    w.line("data.deletionScheduled.help"),
  ];
  return notice(to, w, w.words("data.deletionScheduled.subject"), w.words("data.deletionScheduled.title"), lines, {
    href: where,
    label: w.words("data.deletionScheduled.linkLabel"),
  });
}

export function deletionCancelledEmail(to: string, locale: Locale): Message {
  const w = mailWriter(locale);
  const lines = [w.line("data.deletionCancelled.line"), w.line("data.deletionCancelled.help", { url: `${config().APP_URL}/account/security` }, ["url"])];
  return notice(to, w, w.words("data.deletionCancelled.subject"), w.words("data.deletionCancelled.title"), lines);
}

export function accountDeletedEmail(to: string, locale: Locale): Message {
  const w = mailWriter(locale);
  return notice(to, w, w.words("data.deleted.subject"), w.words("data.deleted.title"), [w.line("data.deleted.line"), w.line("data.deleted.help")]);
}
