import type { Catalogue } from "../catalogue";
import type * as en from "../en/api-docs";

/**
 * Arabic copy of the API reference page's own words. The OpenAPI document it shows (summaries,
 * descriptions, schema names) stays English, and the page marks it lang="en".
 */
/** "{n} characters" with the noun in its Arabic plural form (3–10 أحرف، 11–99 حرفًا، 100 حرف). */
const characters = (n: string) =>
  `{${n}, plural, zero {# حرف} one {حرف واحد} two {حرفان} few {# أحرف} many {# حرفًا} other {# حرف}}`;

export const apiDocs: Catalogue<typeof en.apiDocs> = {
  title: "مرجع API",
  intro: "كل ما تفعله صفحات CareGate متاح أيضًا عبر واجهة JSON API. هذه الصفحة مولَّدة من المخططات نفسها التي يتحقق بها الخادم من الطلبات.",
  download: "نزّل مستند OpenAPI 3.1",
  postman:
    "لاستخدامه في Postman: اختر `Import` ثم `Link` (أو `File`) والصق `{url}`. تصبح كل نقطة وصول طلبًا، وتستخدم الطلبات التي تحتاج إلى تسجيل الدخول رمز Bearer الخاص بالمجموعة، فاضبط المتغير `bearerToken` مرة واحدة على قيمة `token` التي يعيدها تسجيل الدخول.",
  auth: "المصادقة",
  authBody:
    "ترسل المتصفحات ملف تعريف الجلسة الذي يضبطه تسجيل الدخول (`caregate_session`، أو `__Host-caregate_session` عبر `https`). أما البرامج الأخرى فترسل `Authorization: Bearer '<token>'` مع قيمة `token` التي يعيدها تسجيل الدخول.",
  errorsTitle: "الأخطاء",
  errorsBody:
    "كل خطأ على الشكل `'{ error, code, fields? }'`. على البرامج أن تعتمد على `code`، أما الرسالة فهي للناس. الردود ذات الحالة 429 تذكر مدة الانتظار بالثواني في `Retry-After`.",
  contents: "نقاط الوصول",
  schemas: "المخططات",
  signedIn: "يتطلب مستخدمًا مسجّل الدخول (ملف تعريف الجلسة أو رمز Bearer)",
  signedInOptional: "يعمل مع تسجيل الدخول أو بدونه",
  public: "لا يتطلب تسجيل الدخول",
  onlyFor: "فقط لـ: {roles}",
  parameters: "المعاملات",
  requestBody: "محتوى الطلب",
  responses: "الردود",
  example: "مثال",
  field: "الحقل",
  type: "النوع",
  details: "التفاصيل",
  required: "مطلوب",
  errorCodes: "رموز الأخطاء",
  header: "الترويسة <code>{name}</code>:",
  schema: {
    or: " أو ",
    oneOf: "إحدى القيم",
    arrayOf: "قائمة من",
    mapOf: "جدول من نص إلى",
    any: "أي قيمة",
    lengthRange: `من {min} إلى ${characters("max")}`,
    atLeast: `${characters("min")} على الأقل`,
    atMost: `${characters("max")} على الأكثر`,
    minimum: "≥ {value}",
    maximum: "≤ {value}",
    default: "القيمة الافتراضية <code>{value}</code>",
    pattern: "النمط: <code>{pattern}</code>",
  },
  binary: "محتوى ملف (<code>{types}</code>)",
  location: { path: "في المسار", query: "في الاستعلام" },
  tryIt: {
    summary: "جرّبه",
    intro: "يرسل طلبًا حقيقيًا إلى هذا الخادم. تستخدم الطلبات التي تحتاج إلى تسجيل الدخول جلسة هذا المتصفح، أو الرمز أدناه.",
    token: "رمز Bearer",
    tokenHint: "اتركه فارغًا لاستخدام ملف تعريف الجلسة في هذا المتصفح.",
    body: "محتوى JSON",
    send: "أرسل الطلب",
    status: "الحالة {status}",
    invalidJson: "المحتوى ليس JSON صالحًا.",
    bytes: "{size} بايت من {type}",
    networkError: "لم يصل الطلب إلى الخادم.",
    response: "الرد",
  },
};
