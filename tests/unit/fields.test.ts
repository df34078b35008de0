import { describe, expect, it } from "vitest";
import { CodeSchema, containsEmailLocalPart, EmailSchema, NewPasswordSchema, PhoneSchema } from "@/lib/validation/fields";

describe("EmailSchema", () => {
  it.each([
    ["  Alice@Example.COM  ", "alice@example.com"],
    ["\tBOB.Smith+tag@Mail.Example.org\n", "bob.smith+tag@mail.example.org"],
    // NFD "e" + U+0301 becomes NFC "é"; upper-case non-ASCII is lower-cased too.
    ["Ame\u0301lie@Example.test", "am\u00e9lie@example.test"],
    ["ÉLODIE@exemple.fr", "élodie@exemple.fr"],
  ])("normalises %j to %j", (input, expected) => {
    expect(EmailSchema.parse(input)).toBe(expected);
  });

  it("gives the NFC and NFD spellings of one address the same value", () => {
    expect(EmailSchema.parse("jos\u00e9@example.test")).toBe(EmailSchema.parse("jose\u0301@example.test"));
  });

  it.each(["", "   ", "plainaddress", "@example.com", "a@", "a@b", "a b@example.com", "a..b@example.com", "a@example..com", `${"a".repeat(250)}@example.com`])(
    "rejects %j",
    (input) => {
      expect(EmailSchema.safeParse(input).success).toBe(false);
    },
  );

  it.each([42, null, undefined, ["a@example.com"], { email: "a@example.com" }])("rejects the non-string %j", (input) => {
    expect(EmailSchema.safeParse(input).success).toBe(false);
  });
});

describe("CodeSchema", () => {
  it.each(["123456", "000000", "012345"])("accepts %j", (code) => {
    expect(CodeSchema.parse(code)).toBe(code);
  });

  it.each([
    ["Arabic-Indic", "٠١٢٣٤٥", "012345"],
    ["Persian", "۹۸۷۶۵۴", "987654"],
    ["mixed", "١2٣4۵6", "123456"],
  ])("reads %s digits as ASCII", (_label, code, ascii) => {
    expect(CodeSchema.parse(code)).toBe(ascii);
  });

  it.each([
    ["a number", 123456],
    ["a number with a leading zero lost", 12345],
    ["an array", ["123456"]],
    ["an object", { code: "123456" }],
    ["null", null],
    ["a leading space", " 123456"],
    ["a trailing space", "123456 "],
    ["a trailing newline", "123456\n"],
    ["5 digits", "12345"],
    ["7 digits", "1234567"],
    ["letters", "12345a"],
    ["full-width digits", "１２３４５６"],
    ["a sign", "+12345"],
  ])("rejects %s", (_label, code) => {
    expect(CodeSchema.safeParse(code).success).toBe(false);
  });
});

describe("containsEmailLocalPart", () => {
  it("finds the local part anywhere in the password, in any case", () => {
    expect(containsEmailLocalPart("my-alice-password", "alice@example.com")).toBe(true);
    expect(containsEmailLocalPart("MY-ALICE-PASSWORD", "alice@example.com")).toBe(true);
    expect(containsEmailLocalPart("alice", "Alice@example.com")).toBe(true);
  });

  it("is false when the local part is absent", () => {
    expect(containsEmailLocalPart("correct horse battery", "alice@example.com")).toBe(false);
    expect(containsEmailLocalPart("alic-e-password", "alice@example.com")).toBe(false);
    expect(containsEmailLocalPart("example.com-rocks", "alice@example.com")).toBe(false);
  });

  it("ignores local parts shorter than 3 characters", () => {
    expect(containsEmailLocalPart("always-all-right", "al@example.com")).toBe(false);
    expect(containsEmailLocalPart("abc-def-ghi", "abc@example.com")).toBe(true);
  });
});

describe("NewPasswordSchema and PhoneSchema", () => {
  it("counts password length in code points, not UTF-16 units", () => {
    expect(NewPasswordSchema.safeParse("😀".repeat(7)).success).toBe(false);
    expect(NewPasswordSchema.safeParse("😀".repeat(8)).success).toBe(true);
    expect(NewPasswordSchema.safeParse("😀".repeat(128)).success).toBe(true);
    expect(NewPasswordSchema.safeParse("😀".repeat(129)).success).toBe(false);
  });

  it("never trims or truncates a password", () => {
    expect(NewPasswordSchema.parse("  spaced out  ")).toBe("  spaced out  ");
  });

  it.each([
    ["+٢٠ ١٠ ١٢٣٤ ٥٦٧٨", "+20 10 1234 5678"],
    ["۰۱۰-۱۲۳۴۵۶۷۸", "010-12345678"],
  ])("reads the phone %j with ASCII digits", (phone, ascii) => {
    expect(PhoneSchema.parse(phone)).toBe(ascii);
  });

  it.each(["+44 20 7946 0000", "555-0100", "+15550100"])("accepts the phone %j", (phone) => {
    expect(PhoneSchema.safeParse(phone).success).toBe(true);
  });

  it.each(["call me", "+", "--", "+1 (555) 0100", "+1 234 567 890 123 456"])("rejects the phone %j", (phone) => {
    expect(PhoneSchema.safeParse(phone).success).toBe(false);
  });
});
