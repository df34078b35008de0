/**
 * The notices of "Your data" and the notification emails (docs/NOTIFICATIONS.md), and the pages
 * behind an unsubscribe link. Part of the `emails` catalogue (./emails.ts).
 */
export const emailNotices = {
  data: {
    exported: {
      subject: "A copy of your CareGate data was downloaded",
      title: "Your data was exported",
      line: "A copy of everything your CareGate account holds (your details, records, sharing and activity) was just downloaded.",
      help: "If this was not you, someone is signed in to your account: change your password now and sign out everywhere.",
      linkLabel: "Open Your data",
    },
    deletionScheduled: {
      subject: "Your CareGate account will be deleted",
      title: "Account deletion scheduled",
      line: "Your CareGate account and everything it holds will be deleted on {date}. Every device was signed out and your sharing with doctors was stopped.",
      keep: "Changed your mind? Sign in before that date and choose \"Keep my account\".",
      help: "If this was not you, sign in, keep your account, then change your password.",
      linkLabel: "Keep my account",
    },
    deletionCancelled: {
      subject: "Your CareGate account will not be deleted",
      title: "Deletion cancelled",
      line: "The deletion of your CareGate account was cancelled: your account stays. Sharing with doctors that was stopped stays stopped; share again from your records page if you wish.",
      help: "If this was not you, change your password now at {url}.",
    },
    deleted: {
      subject: "Your CareGate account was deleted",
      title: "Account deleted",
      line: "Your CareGate account was deleted as you asked, with your records, sharing and sign-in methods.",
      help: "A record of security events stays, without your name, email address or IP addresses (see the privacy notice). You can sign up again with this address at any time: it makes a new, empty account.",
    },
  },
  notices: {
    whySecurity: "You get this email because it is about the security of your CareGate account; it cannot be turned off.",
    whyOptional: "You get this email because this notice is on in your CareGate account. Turn it off: {off} (or on your account page, {account}).",
    timeUtc: "{time} UTC",
    newDevice: {
      subject: "New sign-in to your CareGate account",
      title: "New sign-in",
      line: "Your CareGate account was just signed in to from a device it has not used in the last 90 days.",
      time: "Time: {time}",
      device: "Device: {device}",
      ip: "IP address: {ip}",
      unknownIp: "unknown",
      wasYou: "If this was you, there is nothing to do.",
      notYou: "If it was not you, open your account page, sign that device out, and change your password.",
      linkLabel: "Review your devices",
    },
    recordViewed: {
      subject: "{doctor} opened your health records",
      title: "A doctor opened your records",
      line: "{doctor}, a doctor you share your records with, opened them on CareGate.",
      log: "Your access log shows which records were opened and when. We tell you at most once a day per doctor.",
      linkLabel: "See who viewed what",
    },
    grantExpiringPatient: {
      subject: "Your sharing with {doctor} ends soon",
      title: "Sharing ends soon",
      line: "{doctor} can see your health records until {time}. After that they no longer can.",
      again: "To keep sharing, share with them again and choose a new end date (or none).",
      linkLabel: "Manage sharing",
    },
    grantExpiringDoctor: {
      subject: "{patient}'s shared records close soon",
      title: "Shared records close soon",
      line: "{patient} shares their health records with you until {time}. After that you can no longer see them.",
      only: "Only the patient can extend it.",
      linkLabel: "Open your patients",
    },
  },
  unsubscribe: {
    categories: {
      recordViewed: "“A doctor opened your records”",
      grantExpiring: "“Sharing ends soon”",
    },
    accountLink: "You can change all your email choices on <link>your account page</link>.",
    confirmTitle: "Stop these emails?",
    confirmBody:
      "Stop sending {category} emails to this account? Security emails (sign-ins from a new device, password and email changes, codes) are sent whatever you choose.",
    button: "Unsubscribe",
    doneTitle: "You are unsubscribed",
    doneBody: "You will no longer get {category} emails.",
    invalidTitle: "This link does not work",
    invalidBody: "This unsubscribe link is not valid: it may have been cut short or changed.",
  },
};
