import "server-only";
import { config } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locale";
import { type EmailKey, type Line, type MailWriter, mailWriter } from "./i18n";
import { layout, text } from "./templates";
import type { Message } from "./transport";

/**
 * Notices about the second factor (docs/MFA.md "Notices and audit"): every change to how an account signs in
 * is told to its owner, with a way to act if it was not them. No codes or secrets ever appear here.
 */
type Notice = "totpEnabled" | "totpDisabled" | "recoveryCodeUsed" | "recoveryCodesRegenerated" | "reset" | "passkeyAdded" | "passkeyRemoved" | "secondStepFailures";
const key = (notice: Notice, part: "subject" | "title" | "line") => `mfa.${notice}.${part}` as EmailKey;

function notice(to: string, w: MailWriter, which: Notice, line: Line): Message {
  const help = w.line("mfa.help", { url: `${config().APP_URL}/account/security` }, ["url"]);
  return { to, subject: w.words(key(which, "subject")), text: text(w, [line, help]), html: layout(w, w.words(key(which, "title")), [line, help]) };
}

/**
 * A factor that was added signs in from now on, whatever the password: changing the password does
 * not remove it. So the notice says where it is removed, and links there.
 */
function factorAdded(to: string, w: MailWriter, which: Notice, line: Line): Message {
  const where = `${config().APP_URL}/account/two-step`;
  const help = w.line("mfa.addedHelp");
  const then = w.line("mfa.addedThen");
  return {
    to,
    subject: w.words(key(which, "subject")),
    text: text(w, [line, "", help, where, then]),
    html: layout(w, w.words(key(which, "title")), [line, help, then], undefined, { href: where, label: w.words("mfa.addedLink") }),
  };
}

const plain = (which: Notice) => (to: string, locale: Locale) => {
  const w = mailWriter(locale);
  return notice(to, w, which, w.line(key(which, "line")));
};

export const totpEnabledEmail = (to: string, locale: Locale) => {
  const w = mailWriter(locale);
  return factorAdded(to, w, "totpEnabled", w.line("mfa.totpEnabled.line"));
};

export const totpDisabledEmail = plain("totpDisabled");

export const recoveryCodeUsedEmail = (to: string, left: number, locale: Locale) => {
  const w = mailWriter(locale);
  return notice(to, w, "recoveryCodeUsed", w.line("mfa.recoveryCodeUsed.line", { left }));
};

export const recoveryCodesRegeneratedEmail = plain("recoveryCodesRegenerated");

export const mfaResetEmail = plain("reset");

export const passkeyAddedEmail = (to: string, name: string, locale: Locale) => {
  const w = mailWriter(locale);
  return factorAdded(to, w, "passkeyAdded", w.line("mfa.passkeyAdded.line", { name }));
};

export const passkeyRemovedEmail = (to: string, name: string, locale: Locale) => {
  const w = mailWriter(locale);
  return notice(to, w, "passkeyRemoved", w.line("mfa.passkeyRemoved.line", { name }));
};

export const secondStepFailuresEmail = (to: string, failures: number, locale: Locale) => {
  const w = mailWriter(locale);
  return notice(to, w, "secondStepFailures", w.line("mfa.secondStepFailures.line", { failures }));
};
