import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { ar } from "@/lib/i18n/ar";
import { en } from "@/lib/i18n/en";
import type { Messages } from "@/lib/i18n/en";

/**
 * The counts of the account area (devices, recovery codes left, downloads left, grace days) in
 * each Arabic plural form — 0 zero, 1 one, 2 two, 3 few, 11 many, 100 other — and in English.
 */
const arabic = createTranslator({ locale: "ar", messages: ar as Messages });
const english = createTranslator({ locale: "en", messages: en });
const COUNTS = [0, 1, 2, 3, 11, 100];

describe("account area plurals", () => {
  it("devices signed in, one form per count in Arabic", () => {
    expect(COUNTS.map((count) => arabic("account.status.devices", { count }))).toEqual([
      "لا يوجد جهاز متصل.",
      "جهاز واحد متصل.",
      "جهازان متصلان.",
      "3 أجهزة متصلة.",
      "11 جهازًا متصلًا.",
      "100 جهاز متصل.",
    ]);
    expect([1, 2].map((count) => english("account.status.devices", { count }))).toEqual(["1 device is signed in.", "2 devices are signed in."]);
  });

  it("recovery codes left, downloads left and grace days land in their forms", () => {
    expect(COUNTS.map((left) => arabic("mfa.recovery.left", { left }))).toEqual([
      "لم يبقَ أي رمز استرداد من 10.",
      "بقي رمز استرداد واحد من 10.",
      "بقي رمزا استرداد من 10.",
      "بقيت 3 رموز استرداد من 10.",
      "بقي 11 رمزًا للاسترداد من 10.",
      "بقي 100 رمز استرداد من 10.",
    ]);
    expect([0, 1, 2, 3].map((count) => arabic("accountData.export.left", { count }))).toEqual([
      "لم يبقَ لك أي تنزيل اليوم.",
      "بقي لك تنزيل واحد اليوم.",
      "بقي لك تنزيلان اليوم.",
      "بقيت لك 3 تنزيلات اليوم.",
    ]);
    expect(english("accountData.export.left", { count: 0 })).toBe("No downloads left today.");
    expect(english("mfa.graceBanner", { days: 7 })).toBe("Set up two-step sign-in within 7 days to keep using your account.");
    expect(arabic("mfa.graceBanner", { days: 2 })).toBe("فعّل التحقق بخطوتين خلال يومين لتواصل استخدام حسابك.");
  });
});
