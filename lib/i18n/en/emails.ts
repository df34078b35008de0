import { emailNotices } from "./emails-notices";

/**
 * The emails (docs/I18N.md "Emails"), written in the recipient's stored language when they are
 * queued (lib/mail/i18n.ts). Codes, links and addresses are values (`{code}`, `{url}`, `{email}`),
 * never part of the words: the HTML keeps them left to right in Arabic, the text part keeps them
 * exactly as they are.
 */
export const emails = {
  layout: {
    ignore: "If you did not ask for this, you can ignore this email. CareGate staff will never ask you for this code.",
    ignoreShort: "If you did not ask for this, you can ignore this email.",
    codeLabel: "Your code",
  },
  signupCode: {
    subject: "Your CareGate confirmation code: {code}",
    title: "Confirm your email",
    intro: "Welcome to CareGate. Enter this code to confirm your email address. It expires in {minutes, plural, one {# minute} other {# minutes}}.",
  },
  reset: {
    subject: "Reset your CareGate password",
    title: "Reset your password",
    intro: "Someone asked to reset the password of your CareGate account. Enter this code within {minutes, plural, one {# minute} other {# minutes}}:",
    linkLine: "Or open this link within {minutes, plural, one {# minute} other {# minutes}}:",
    linkLabel: "Choose a new password",
  },
  passwordChanged: {
    subject: "Your CareGate password was changed",
    title: "Password changed",
    line: "The password of your CareGate account was just changed, and every signed-in device was signed out.",
    help: "If this was not you, reset your password now and contact support.",
  },
  emailChangeCode: {
    subject: "Your CareGate email change code: {code}",
    title: "Confirm your new email",
    intro: "Enter this code to make this address the email of your CareGate account. It expires in {minutes, plural, one {# minute} other {# minutes}}.",
  },
  emailChanged: {
    subject: "Your CareGate email was changed",
    title: "Email changed",
    line: "The email of your CareGate account was changed to {email}. This address will no longer receive messages about the account.",
    help: "If this was not you, contact support immediately.",
  },
  doctorApproved: {
    subject: "Your CareGate doctor account is approved",
    title: "Doctor account approved",
    line: "Hello {name}, an administrator approved your CareGate doctor account. You can now use the doctor tools.",
    signIn: "Sign in: {url}",
    linkLabel: "Open your dashboard",
  },
  doctorRejected: {
    subject: "Your CareGate doctor account was not approved",
    title: "Doctor account not approved",
    line: "Hello {name}, an administrator did not approve your CareGate doctor account.",
    reason: "Reason: {reason}",
    help: "If you think this is a mistake, or can provide what is missing, contact support.",
  },
  mfa: {
    help: "If this was not you, change your password now at {url} and contact support.",
    addedHelp:
      "If this was not you, someone else can now sign in to your account with it. Remove it at once on the two-step sign-in page of your account:",
    addedThen: "then change your password and sign out everywhere.",
    addedLink: "Open two-step sign-in",
    totpEnabled: {
      subject: "Two-step sign-in is on",
      title: "Authenticator app added",
      line: "An authenticator app was set up for two-step sign-in on your CareGate account.",
    },
    totpDisabled: {
      subject: "Your authenticator app was removed",
      title: "Authenticator app removed",
      line: "The authenticator app was removed from your CareGate account, and your other devices were signed out.",
    },
    recoveryCodeUsed: {
      subject: "A recovery code was used",
      title: "Recovery code used",
      line: "A recovery code was used to sign in to your CareGate account. {left, plural, one {# unused recovery code is} other {# unused recovery codes are}} left.",
    },
    recoveryCodesRegenerated: {
      subject: "New recovery codes were made",
      title: "New recovery codes",
      line: "New recovery codes were made for your CareGate account; the old ones no longer work.",
    },
    reset: {
      subject: "Your two-step sign-in was reset",
      title: "Two-step sign-in reset",
      line: "An administrator removed the authenticator app, passkeys and recovery codes of your CareGate account, and signed out every device. Sign in with your password and set up two-step sign-in again.",
    },
    passkeyAdded: {
      subject: "A passkey was added",
      title: "Passkey added",
      line: "A passkey named \"{name}\" was added to your CareGate account.",
    },
    passkeyRemoved: {
      subject: "A passkey was removed",
      title: "Passkey removed",
      line: "The passkey named \"{name}\" was removed from your CareGate account.",
    },
    secondStepFailures: {
      subject: "Someone failed the second step of signing in to your account",
      title: "Failed second step",
      line: "Someone who knows your CareGate password failed the second step of signing in {failures, plural, one {# time} other {# times}} in a row. If it was not you, your password is known to someone else: change it now.",
    },
  },
  ...emailNotices,
};
