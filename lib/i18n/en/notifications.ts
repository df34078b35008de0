/** The account page's email choices (docs/NOTIFICATIONS.md). */
export const notifications = {
  section: "Emails",
  intro: "Choose which optional emails you get. Each one also has an unsubscribe link.",
  legend: "Optional emails",
  noneOptional: "Your account gets no optional emails.",
  recordViewed: "A doctor opened my records",
  recordViewedHint: "When a doctor you share with opens your records; at most one email a day per doctor, with a link to your access log.",
  grantExpiring: "Sharing ends soon",
  grantExpiringHint: "3 days before records shared between a patient and a doctor stop being shared.",
  saved: "Your email choices were saved.",
  alwaysTitle: "Always sent",
  always:
    "Security emails cannot be turned off: sign-in codes, password and email changes, two-step sign-in changes and sign-ins from a new device. They are how we tell you that someone else may be using your account.",
};
