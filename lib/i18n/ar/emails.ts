import type { Catalogue } from "../catalogue";
import type * as en from "../en/emails";
import { emailNotices } from "./emails-notices";

const minutes = "{minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}";

/** The emails in Arabic (docs/GLOSSARY.md for the terms); codes, links and addresses are values. */
export const emails: Catalogue<typeof en.emails> = {
  layout: {
    ignore: "إذا لم تطلب هذا، يمكنك تجاهل هذه الرسالة. لن يطلب منك فريق CareGate هذا الرمز أبدًا.",
    ignoreShort: "إذا لم تطلب هذا، يمكنك تجاهل هذه الرسالة.",
    codeLabel: "رمز التحقق",
  },
  signupCode: {
    subject: "رمز تأكيد البريد الإلكتروني في CareGate: {code}",
    title: "تأكيد البريد الإلكتروني",
    intro: `مرحبًا بك في CareGate. أدخل هذا الرمز لتأكيد بريدك الإلكتروني. تنتهي صلاحيته خلال ${minutes}.`,
  },
  reset: {
    subject: "إعادة تعيين كلمة المرور في CareGate",
    title: "إعادة تعيين كلمة المرور",
    intro: `طلب أحدهم إعادة تعيين كلمة المرور لحسابك في CareGate. أدخل هذا الرمز خلال ${minutes}:`,
    linkLine: `أو افتح هذا الرابط خلال ${minutes}:`,
    linkLabel: "اختر كلمة مرور جديدة",
  },
  passwordChanged: {
    subject: "تغيّرت كلمة المرور لحسابك في CareGate",
    title: "تغيّرت كلمة المرور",
    line: "تغيّرت كلمة المرور لحسابك في CareGate للتو، وسُجّل الخروج من كل الأجهزة.",
    help: "إذا لم تكن أنت، فأعد تعيين كلمة المرور الآن وتواصل مع الدعم.",
  },
  emailChangeCode: {
    subject: "رمز تغيير البريد الإلكتروني في CareGate: {code}",
    title: "تأكيد بريدك الإلكتروني الجديد",
    intro: `أدخل هذا الرمز ليصبح هذا العنوان البريد الإلكتروني لحسابك في CareGate. تنتهي صلاحيته خلال ${minutes}.`,
  },
  emailChanged: {
    subject: "تغيّر البريد الإلكتروني لحسابك في CareGate",
    title: "تغيّر البريد الإلكتروني",
    line: "تغيّر البريد الإلكتروني لحسابك في CareGate إلى {email}. لن تصل إلى هذا العنوان بعد الآن رسائل عن الحساب.",
    help: "إذا لم تكن أنت، فتواصل مع الدعم فورًا.",
  },
  doctorApproved: {
    subject: "اعتُمد حسابك كطبيب في CareGate",
    title: "اعتُمد حساب الطبيب",
    line: "مرحبًا {name}، اعتمد مشرف حسابك كطبيب في CareGate. يمكنك الآن استخدام أدوات الطبيب.",
    signIn: "تسجيل الدخول: {url}",
    linkLabel: "افتح الصفحة الرئيسية",
  },
  doctorRejected: {
    subject: "لم يُعتمد حسابك كطبيب في CareGate",
    title: "حساب الطبيب غير معتمد",
    line: "مرحبًا {name}، لم يعتمد مشرف حسابك كطبيب في CareGate.",
    reason: "السبب: {reason}",
    help: "إذا كنت ترى أن هذا خطأ، أو يمكنك تقديم ما ينقص، فتواصل مع الدعم.",
  },
  mfa: {
    help: "إذا لم تكن أنت، فغيّر كلمة المرور الآن من {url} وتواصل مع الدعم.",
    addedHelp: "إذا لم تكن أنت، فبإمكان شخص آخر الآن تسجيل الدخول إلى حسابك به. احذفه فورًا من صفحة التحقق بخطوتين في حسابك:",
    addedThen: "ثم غيّر كلمة المرور وسجّل الخروج من كل الأجهزة.",
    addedLink: "افتح التحقق بخطوتين",
    totpEnabled: {
      subject: "التحقق بخطوتين مفعّل",
      title: "أُضيف تطبيق مصادقة",
      line: "فُعّل تطبيق مصادقة للتحقق بخطوتين في حسابك في CareGate.",
    },
    totpDisabled: {
      subject: "حُذف تطبيق المصادقة",
      title: "حُذف تطبيق المصادقة",
      line: "حُذف تطبيق المصادقة من حسابك في CareGate، وسُجّل الخروج من أجهزتك الأخرى.",
    },
    recoveryCodeUsed: {
      subject: "استُخدم رمز استرداد",
      title: "استُخدم رمز استرداد",
      line: "استُخدم رمز استرداد لتسجيل الدخول إلى حسابك في CareGate. {left, plural, zero {لم يبقَ أي رمز استرداد غير مستخدم} one {بقي رمز استرداد واحد غير مستخدم} two {بقي رمزا استرداد غير مستخدمين} few {بقيت # رموز استرداد غير مستخدمة} many {بقي # رمز استرداد غير مستخدم} other {بقي # رمز استرداد غير مستخدم}}.",
    },
    recoveryCodesRegenerated: {
      subject: "أُنشئت رموز استرداد جديدة",
      title: "رموز استرداد جديدة",
      line: "أُنشئت رموز استرداد جديدة لحسابك في CareGate؛ الرموز القديمة لم تعد تعمل.",
    },
    reset: {
      subject: "أُعيد تعيين التحقق بخطوتين",
      title: "إعادة تعيين التحقق بخطوتين",
      line: "حذف مشرف تطبيق المصادقة ومفاتيح المرور ورموز الاسترداد من حسابك في CareGate، وسجّل الخروج من كل الأجهزة. سجّل الدخول بكلمة المرور وفعّل التحقق بخطوتين من جديد.",
    },
    passkeyAdded: {
      subject: "أُضيف مفتاح مرور",
      title: "أُضيف مفتاح مرور",
      line: "أُضيف مفتاح مرور باسم «{name}» إلى حسابك في CareGate.",
    },
    passkeyRemoved: {
      subject: "حُذف مفتاح مرور",
      title: "حُذف مفتاح مرور",
      line: "حُذف مفتاح المرور المسمى «{name}» من حسابك في CareGate.",
    },
    secondStepFailures: {
      subject: "فشل أحدهم في الخطوة الثانية لتسجيل الدخول إلى حسابك",
      title: "فشل في الخطوة الثانية",
      line: "شخص يعرف كلمة المرور لحسابك في CareGate فشل في الخطوة الثانية لتسجيل الدخول {failures, plural, zero {# مرة} one {مرة واحدة} two {مرتين} few {# مرات} many {# مرة} other {# مرة}} على التوالي. إذا لم يكن أنت، فكلمة المرور معروفة لشخص آخر: غيّرها الآن.",
    },
  },
  ...emailNotices,
};
