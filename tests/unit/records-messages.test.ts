import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { daysLeft } from "@/components/records/recordDates";
import { catalogueFor } from "@/lib/i18n/catalogues";

/** The records and patients catalogues (docs/I18N.md "Catalogues"): counts land in their plural form. */
const translator = (locale: "en" | "ar") => createTranslator({ locale, messages: catalogueFor(locale) });

describe("records messages", () => {
  it("puts each count in its Arabic plural form", () => {
    const t = translator("ar");
    const found = [0, 1, 2, 3, 11, 100].map((count) => t("records.filters.count", { count }));
    expect(found).toEqual([
      "لا يوجد أي سجل صحي.",
      "وجدنا سجلًا صحيًا واحدًا.",
      "وجدنا سجلين صحيين.",
      "وجدنا 3 سجلات صحية.",
      "وجدنا 11 سجلًا صحيًا.",
      "وجدنا 100 سجل صحي.",
    ]);
    expect([0, 1, 2, 5, 30, 101].map((count) => t("records.sharing.daysLeft", { count }))).toEqual([
      "تنتهي اليوم",
      "بقي يوم واحد",
      "بقي يومان",
      "بقيت 5 أيام",
      "بقي 30 يومًا",
      "بقي 101 يوم",
    ]);
  });

  it("keeps English to one and other", () => {
    const t = translator("en");
    expect([1, 2].map((count) => t("records.filters.count", { count }))).toEqual(["1 record found.", "2 records found."]);
    expect([0, 1, 3].map((count) => t("patients.daysLeft", { count }))).toEqual(["Ends today", "1 day left", "3 days left"]);
    expect(t("records.log.viewers", { count: 1 })).toBe("1 doctor has viewed your records.");
  });

  it("writes an access-log line as one sentence per action, in each language", () => {
    const plain = { b: (c: string) => c, bdi: (c: string) => `[${c}]` };
    const line = (locale: "en" | "ar", action: string) =>
      String(translator(locale).markup("records.log.event", { action, name: "Dr Haddad", title: "scan.pdf", ...plain }));
    expect(line("en", "download")).toBe("Dr Haddad opened or downloaded “[scan.pdf]”");
    expect(line("ar", "view")).toBe("Dr Haddad اطّلع على تفاصيل «[scan.pdf]»");
    expect(line("ar", "list")).toBe("Dr Haddad اطّلع على قائمة سجلاتك الصحية");
  });

  it("counts the days left on a share from the end of its last day", () => {
    const now = Date.parse("2030-01-10T12:00:00Z");
    expect(daysLeft("2030-01-10T23:59:59.999Z", now)).toBe(0);
    expect(daysLeft("2030-01-11T23:59:59.999Z", now)).toBe(1);
    expect(daysLeft("2030-01-20T23:59:59.999Z", now)).toBe(10);
    expect(daysLeft("2030-01-01T00:00:00Z", now)).toBe(0);
  });
});
