import { describe, expect, it } from "vitest";
import { ar } from "@/lib/i18n/ar";
import { en } from "@/lib/i18n/en";
import { latinRuns, standInPhrases } from "../e2e/latin-scan";

/** The scan the browser tests run over Arabic pages (tests/e2e/latin-scan.ts). */
describe("latinRuns", () => {
  it("finds an English sentence left on an Arabic page, as one run", () => {
    expect(latinRuns("تسجيل الدخول\nForgot your password?\nإنشاء حساب")).toEqual(["Forgot your password"]);
  });

  it("finds a single English word between Arabic words, and English labels next to each other", () => {
    expect(latinRuns("أدخل Password هنا")).toEqual(["Password"]);
    expect(latinRuns("Email address Password")).toEqual(["Email address Password"]);
    expect(latinRuns("Email address\nPassword")).toEqual(["Email address", "Password"]);
  });

  it("lets the product name, addresses, codes, URLs, paths, file names and technical names pass", () => {
    const text =
      "مرحبًا بك في CareGate. أرسلنا رمز التحقق 123456 إلى ali.hassan@example.test، " +
      "واستخدم رمز الاسترداد abcde-12345 إن لزم. نزّل blood-test.pdf أو افتح https://caregate.example/records " +
      "أو /api/openapi.json. الخطأ INVALID_CODE يعني رمزًا خاطئًا. مرجع API، مستند OpenAPI، محتوى JSON. (+20 10 1234 5678) " +
      "أرسل JSON مع Content-Type: application/json.";
    expect(latinRuns(text)).toEqual([]);
  });

  it("takes extra allowed words from the caller, matched as whole words with their case", () => {
    expect(latinRuns("استخدمه في Postman", ["Postman"])).toEqual([]);
    expect(latinRuns("استخدمه في postman", ["Postman"])).toEqual(["postman"]);
    expect(latinRuns("منصة CareGateway")).toEqual(["CareGateway"]);
  });

  it("flags an English word joined to an allowed one", () => {
    expect(latinRuns("CareGate-account")).toEqual(["CareGate-account"]);
  });
});

describe("standInPhrases", () => {
  it("lists the English of catalogues whose Arabic is still the stand-in, and nothing of a translated one", () => {
    const phrases = standInPhrases();
    expect(phrases).not.toContain(en.signup.intro);
    expect(phrases).not.toContain(en.apiDocs.title);
    for (const ns of Object.keys(en) as (keyof typeof en)[]) {
      if ((ar[ns] as unknown) === en[ns]) expect(phrases).toEqual(expect.arrayContaining(Object.values(en[ns]).filter((v) => typeof v === "string")));
    }
  });
});
