export const app = { name: "CareGate", tagline: "Your health portal account" };

export const ui = {
  showPassword: "Show password",
  optional: "optional",
  submitting: "…",
  strength: {
    label: "Password strength",
    levels: { veryWeak: "Very weak", weak: "Weak", fair: "Fair", good: "Good", strong: "Strong" },
    hint: "Advice only: use a long passphrase that you do not use anywhere else.",
  },
  mainNav: "Main",
  skipToContent: "Skip to main content",
  language: "Language",
};

export const fields = {
  name: "Full name",
  email: "Email address",
  phone: "Phone number",
  // <bdi> keeps the number left to right inside right-to-left text (rendered with t.rich).
  phoneHint: "For example <bdi>+44 20 7946 0958</bdi>.",
  password: "Password",
  passwordHint: "At least 8 characters. Long passphrases are best.",
  newPassword: "New password",
  confirmPassword: "Confirm new password",
  currentPassword: "Current password",
  specialty: "Specialty",
  licenseNumber: "Licence number",
  dob: "Date of birth",
  gender: "Gender",
  genderNone: "Not set",
  genders: {
    female: "Female",
    male: "Male",
    other: "Other",
    prefer_not_to_say: "Prefer not to say",
  },
  code: "6-digit code",
  codeHint: "Enter the 6 digits from the email. You can paste them.",
  newEmail: "New email address",
  approval: "Approval",
  approvals: { pending: "Awaiting approval", approved: "Approved", rejected: "Not approved" },
};

export const nav = {
  dashboard: "Dashboard",
  records: "Records",
  patients: "Patients",
  account: "Account",
  admin: "Admin",
  signOut: "Sign out",
  signingOut: "Signing out…",
};

export const notFound = {
  title: "Page not found",
  body: "We could not find that page.",
  home: "Go to the home page",
};

export const home = {
  intro: "Your health portal account: sign in to see your records and appointments.",
  signIn: "Sign in",
  signUp: "Create a patient account",
  doctor: "I am a doctor",
  apiDocs: "API reference for developers",
};

export const mailbox = {
  title: "Dev mailbox",
  intro: "Messages the app would have emailed (local outbox; only in development, when SMTP_URL is unset). Newest first.",
  empty: "No messages yet.",
  to: "To",
  sent: "Sent",
  refresh: "Refresh",
};
