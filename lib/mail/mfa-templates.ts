import "server-only";
import { config } from "@/lib/config";
import { layout, text } from "./templates";
import type { Message } from "./transport";

/**
 * Notices about the second factor (docs/MFA.md "Notices and audit"): every change to how an account signs in
 * is told to its owner, with a way to act if it was not them. No codes or secrets ever appear here.
 */
function notice(to: string, subject: string, title: string, line: string): Message {
  const help = `If this was not you, change your password now at ${config().APP_URL}/account and contact support.`;
  return { to, subject, text: text([line, help]), html: layout(title, [line, help]) };
}

/**
 * A factor that was added signs in from now on, whatever the password: changing the password does
 * not remove it. So the notice says where it is removed, and links there.
 */
function factorAdded(to: string, subject: string, title: string, line: string): Message {
  const where = `${config().APP_URL}/account/two-step`;
  const help = [
    "If this was not you, someone else can now sign in to your account with it. Remove it at once on the two-step sign-in page of your account:",
    where,
    "then change your password and sign out everywhere.",
  ];
  return {
    to,
    subject,
    text: text([line, "", ...help]),
    html: layout(title, [line, help[0]!, help[2]!], undefined, { href: where, label: "Open two-step sign-in" }),
  };
}

export const totpEnabledEmail = (to: string) =>
  factorAdded(to, "Two-step sign-in is on", "Authenticator app added", "An authenticator app was set up for two-step sign-in on your CareGate account.");

export const totpDisabledEmail = (to: string) =>
  notice(to, "Your authenticator app was removed", "Authenticator app removed", "The authenticator app was removed from your CareGate account, and your other devices were signed out.");

export const recoveryCodeUsedEmail = (to: string, left: number) =>
  notice(to, "A recovery code was used", "Recovery code used", `A recovery code was used to sign in to your CareGate account. ${left} unused recovery codes are left.`);

export const recoveryCodesRegeneratedEmail = (to: string) =>
  notice(to, "New recovery codes were made", "New recovery codes", "New recovery codes were made for your CareGate account; the old ones no longer work.");

export const mfaResetEmail = (to: string) =>
  notice(
    to,
    "Your two-step sign-in was reset",
    "Two-step sign-in reset",
    "An administrator removed the authenticator app, passkeys and recovery codes of your CareGate account, and signed out every device. Sign in with your password and set up two-step sign-in again.",
  );

export const passkeyAddedEmail = (to: string, name: string) =>
  factorAdded(to, "A passkey was added", "Passkey added", `A passkey named "${name}" was added to your CareGate account.`);

export const passkeyRemovedEmail = (to: string, name: string) =>
  notice(to, "A passkey was removed", "Passkey removed", `The passkey named "${name}" was removed from your CareGate account.`);

export const secondStepFailuresEmail = (to: string, failures: number) =>
  notice(
    to,
    "Someone failed the second step of signing in to your account",
    "Failed second step",
    `Someone who knows your CareGate password failed the second step of signing in ${failures} times in a row. If it was not you, your password is known to someone else: change it now.`,
  );
