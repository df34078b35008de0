import { describe, expect, it } from "vitest";
import { asciiDigits, dirOf, fromAcceptLanguage, fromCookieHeader, resolveLocale } from "@/lib/i18n/locale";

describe("the request's language", () => {
  it("prefers the account, then the cookie, then Accept-Language, then English", () => {
    expect(resolveLocale({ account: "ar", cookie: "en", acceptLanguage: "en" })).toBe("ar");
    expect(resolveLocale({ account: null, cookie: "ar", acceptLanguage: "en" })).toBe("ar");
    expect(resolveLocale({ cookie: "fr", acceptLanguage: "ar-EG,ar;q=0.9,en;q=0.5" })).toBe("ar");
    expect(resolveLocale({ acceptLanguage: "fr-FR, de" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });

  it("reads Accept-Language by weight, skipping what it does not speak or cannot parse", () => {
    expect(fromAcceptLanguage("fr;q=0.9, ar;q=0.8, en;q=0.7")).toBe("ar");
    expect(fromAcceptLanguage("en;q=0.2, ar;q=0.5")).toBe("ar");
    expect(fromAcceptLanguage("ar;q=0, en")).toBe("en");
    expect(fromAcceptLanguage("fr, *;q=0.1")).toBe("en");
    expect(fromAcceptLanguage(";;;,q=,ar-SA")).toBe("ar");
    expect(fromAcceptLanguage("de")).toBeNull();
    expect(fromAcceptLanguage(undefined)).toBeNull();
  });

  it("reads the locale cookie among others and ignores unknown values", () => {
    expect(fromCookieHeader("a=1; locale=ar; b=2")).toBe("ar");
    expect(fromCookieHeader("xlocale=ar")).toBeNull();
    expect(fromCookieHeader("locale=de")).toBeNull();
  });

  it("gives Arabic right to left", () => {
    expect(dirOf("ar")).toBe("rtl");
    expect(dirOf("en")).toBe("ltr");
  });

  it("turns Arabic-Indic and Persian digits into ASCII and leaves the rest", () => {
    expect(asciiDigits("١٢٣٤٥٦")).toBe("123456");
    expect(asciiDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(asciiDigits("+٢٠ 10-٩٨")).toBe("+20 10-98");
    expect(asciiDigits("abc")).toBe("abc");
  });
});
