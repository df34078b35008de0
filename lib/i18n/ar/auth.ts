import type { Catalogue } from "../catalogue";
import type * as en from "../en/auth";

/** Arabic copy of sign-up, email confirmation, sign-in and password reset (docs/GLOSSARY.md). */

// Arabic counts its nouns in six forms: ثانية واحدة، ثانيتين، 3–10 ثوانٍ، 11+ ثانية.
const seconds = "{seconds, plural, zero {# ثانية} one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}";

export const signup: Catalogue<typeof en.signup> = {
  title: "إنشاء حساب مريض",
  intro: "أنشئ حسابًا لترى سجلاتك الصحية في مكان واحد.",
  submit: "إنشاء الحساب",
  haveAccount: "لديك حساب بالفعل؟",
  signIn: "تسجيل الدخول",
  doctorLink: "هل أنت طبيب؟ أنشئ حساب طبيب",
  patientLink: "لست طبيبًا؟ أنشئ حساب مريض",
};

export const doctorSignup: Catalogue<typeof en.doctorSignup> = {
  title: "إنشاء حساب طبيب",
  intro: "يراجع أحد المشرفين ترخيصك قبل اعتماد حساب الطبيب.",
  submit: "إنشاء حساب الطبيب",
};

export const verify: Catalogue<typeof en.verify> = {
  title: "تأكيد البريد الإلكتروني",
  introWithEmail: "أرسلنا رمز تحقق من 6 أرقام إلى <bdi>{email}</bdi>. تنتهي صلاحيته بعد 10 دقائق.",
  intro: "أدخل بريدك الإلكتروني ورمز التحقق من 6 أرقام الذي أرسلناه إليك.",
  introExisting: "أدخل رمز التحقق من 6 أرقام الذي أرسلناه إلى <bdi>{email}</bdi>، أو اطلب رمزًا جديدًا من الأسفل.",
  submit: "تأكيد البريد الإلكتروني",
  resend: "أعد إرسال الرمز",
  resendIn: `أعد إرسال الرمز بعد ${seconds}`,
  resent: "إذا كان هذا البريد الإلكتروني لحساب غير مؤكَّد، فقد أرسلنا رمزًا جديدًا. الرموز السابقة لم تعد تعمل.",
  resendNeedsEmail: "أدخل بريدك الإلكتروني أولًا.",
  noCode: "لم يصلك الرمز؟ افحص مجلد الرسائل غير المرغوب فيها، أو اطلب رمزًا جديدًا.",
  tooMany: "أدخلت رموزًا خاطئة كثيرة. اطلب رمزًا جديدًا أو حاول مرة أخرى لاحقًا.",
};

export const login: Catalogue<typeof en.login> = {
  title: "تسجيل الدخول",
  submit: "تسجيل الدخول",
  forgot: "نسيت كلمة المرور؟",
  noAccount: "جديد على CareGate؟",
  signUp: "إنشاء حساب مريض",
  doctorSignUp: "إنشاء حساب طبيب",
  confirmEmail: "أدخل رمز التحقق لتأكيد بريدك الإلكتروني",
  retryIn: `حاول مرة أخرى بعد ${seconds}.`,
  reset: "أعد تعيين كلمة المرور",
};

export const forgot: Catalogue<typeof en.forgot> = {
  title: "إعادة تعيين كلمة المرور",
  intro: "أدخل البريد الإلكتروني لحسابك. سنرسل إليك رمز تحقق ورابطًا لتعيين كلمة مرور جديدة.",
  submit: "أرسل الرمز والرابط",
  sent: "إذا كان هناك حساب بالبريد الإلكتروني <bdi>{email}</bdi>، فقد أرسلنا إليه رمزًا ورابطًا. تنتهي صلاحيتهما بعد 10 دقائق.",
  enterCode: "أدخل الرمز",
  back: "العودة إلى تسجيل الدخول",
};

export const reset: Catalogue<typeof en.reset> = {
  title: "اختر كلمة مرور جديدة",
  introCode: "أدخل الرمز الذي وصلك بالبريد واختر كلمة مرور جديدة.",
  introToken: "اختر كلمة مرور جديدة لحسابك.",
  tokenMissing: "رابط إعادة التعيين هذا غير مكتمل. اطلب رابطًا جديدًا.",
  submit: "تغيير كلمة المرور",
  done: "تم تغيير كلمة المرور. سجّل الدخول بكلمة المرور الجديدة.",
  signIn: "تسجيل الدخول",
  askNew: "اطلب رمزًا أو رابطًا جديدًا",
  noCode: "تحتاج إلى رمز؟ اطلبه من هنا",
};
