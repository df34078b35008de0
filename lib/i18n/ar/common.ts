import type { Catalogue } from "../catalogue";
import type * as en from "../en/common";

/** Arabic copy shared by every page: the frame, the form controls, field names (docs/GLOSSARY.md). */
export const app: Catalogue<typeof en.app> = { name: "CareGate", tagline: "حسابك في بوابتك الصحية" };

export const ui: Catalogue<typeof en.ui> = {
  showPassword: "إظهار كلمة المرور",
  optional: "اختياري",
  submitting: "…",
  strength: {
    label: "قوة كلمة المرور",
    levels: { veryWeak: "ضعيفة جدًا", weak: "ضعيفة", fair: "مقبولة", good: "جيدة", strong: "قوية" },
    hint: "للإرشاد فقط: استخدم عبارة مرور طويلة لا تستخدمها في أي مكان آخر.",
  },
  mainNav: "القائمة الرئيسية",
  skipToContent: "انتقل إلى المحتوى الرئيسي",
  language: "اللغة",
};

export const fields: Catalogue<typeof en.fields> = {
  name: "الاسم الكامل",
  email: "البريد الإلكتروني",
  phone: "رقم الهاتف",
  phoneHint: "مثال: <bdi>+20 10 1234 5678</bdi>.",
  password: "كلمة المرور",
  passwordHint: "8 أحرف على الأقل. العبارات الطويلة هي الأفضل.",
  newPassword: "كلمة المرور الجديدة",
  confirmPassword: "تأكيد كلمة المرور الجديدة",
  currentPassword: "كلمة المرور الحالية",
  specialty: "التخصص",
  licenseNumber: "رقم الترخيص",
  dob: "تاريخ الميلاد",
  gender: "الجنس",
  genderNone: "غير محدد",
  genders: {
    female: "أنثى",
    male: "ذكر",
    other: "آخر",
    prefer_not_to_say: "أفضّل عدم الإجابة",
  },
  code: "رمز التحقق من 6 أرقام",
  codeHint: "أدخل الأرقام الستة من الرسالة. يمكنك لصقها.",
  newEmail: "البريد الإلكتروني الجديد",
  approval: "اعتماد الطبيب",
  approvals: { pending: "بانتظار الاعتماد", approved: "معتمد", rejected: "غير معتمد" },
};

export const nav: Catalogue<typeof en.nav> = {
  dashboard: "الصفحة الرئيسية",
  records: "السجلات الصحية",
  patients: "المرضى",
  account: "الحساب",
  admin: "الإشراف",
  signOut: "تسجيل الخروج",
  signingOut: "جارٍ تسجيل الخروج…",
};

export const notFound: Catalogue<typeof en.notFound> = {
  title: "الصفحة غير موجودة",
  body: "لم نجد هذه الصفحة.",
  home: "اذهب إلى الصفحة الرئيسية",
};

export const home: Catalogue<typeof en.home> = {
  intro: "حسابك في بوابتك الصحية: سجّل الدخول لترى سجلاتك الصحية ومواعيدك.",
  signIn: "تسجيل الدخول",
  signUp: "إنشاء حساب مريض",
  doctor: "أنا طبيب",
  apiDocs: "مرجع API للمطوّرين",
};

export const mailbox: Catalogue<typeof en.mailbox> = {
  title: "بريد التطوير",
  intro: "الرسائل التي كان التطبيق سيرسلها بالبريد (صندوق صادر محلي، في بيئة التطوير فقط، حين لا يُضبط SMTP_URL). الأحدث أولًا.",
  empty: "لا توجد رسائل بعد.",
  to: "إلى",
  sent: "أُرسلت",
  refresh: "تحديث",
};
