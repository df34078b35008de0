export const signup = {
  title: "Create a patient account",
  intro: "Sign up to see your health records in one place.",
  submit: "Create account",
  haveAccount: "Already have an account?",
  signIn: "Sign in",
  doctorLink: "Are you a doctor? Create a doctor account",
  patientLink: "Not a doctor? Create a patient account",
};

export const doctorSignup = {
  title: "Create a doctor account",
  intro: "An administrator checks your licence before your doctor account is approved.",
  submit: "Create doctor account",
};

export const verify = {
  title: "Confirm your email",
  introWithEmail: "We sent a 6-digit code to <bdi>{email}</bdi>. It expires in 10 minutes.",
  intro: "Enter your email address and the 6-digit code we sent you.",
  introExisting: "Enter the 6-digit code we sent to <bdi>{email}</bdi>, or ask for a new one below.",
  submit: "Confirm email",
  resend: "Resend code",
  resendIn: "Resend code in {seconds} s",
  resent: "If the address belongs to an unconfirmed account, we sent a new code. Earlier codes no longer work.",
  resendNeedsEmail: "Enter your email address first.",
  noCode: "Did not get it? Check your spam folder, or ask for a new code.",
  tooMany: "Too many wrong codes. Ask for a new code or try again later.",
};

export const login = {
  title: "Sign in",
  submit: "Sign in",
  forgot: "Forgot your password?",
  noAccount: "New to CareGate?",
  signUp: "Create a patient account",
  doctorSignUp: "Create a doctor account",
  confirmEmail: "Enter your code to confirm your email",
  retryIn: "Try again in {seconds} s.",
  reset: "Reset your password",
};

export const forgot = {
  title: "Reset your password",
  intro: "Enter your account's email address. We will email you a code and a link to set a new password.",
  submit: "Send code and link",
  sent: "If an account exists for <bdi>{email}</bdi>, we sent a code and a link. They expire in 10 minutes.",
  enterCode: "Enter the code",
  back: "Back to sign in",
};

export const reset = {
  title: "Choose a new password",
  introCode: "Enter the code from the email and choose a new password.",
  introToken: "Choose a new password for your account.",
  tokenMissing: "This reset link is incomplete. Ask for a new one.",
  submit: "Change password",
  done: "Password changed. Sign in with your new password.",
  signIn: "Sign in",
  askNew: "Ask for a new code or link",
  noCode: "Need a code? Ask for one",
};
