import { describe, expect, it } from "vitest";
import { DoctorSignupSchema, LicenseNumberSchema, LoginSchema, ResetPasswordSchema, SpecialtySchema } from "@/lib/validation/auth";
import {
  CONTROL_CHARACTER_MESSAGE,
  CurrentPasswordSchema,
  EmailSchema,
  INVALID_TEXT_MESSAGE,
  NameSchema,
  NewPasswordSchema,
  PhoneSchema,
} from "@/lib/validation/fields";

/** Every C0 control character and DEL (docs/RULES.md "Request bodies"). */
const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), "\u007f"];
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("text fields refuse control characters", () => {
  const trimmed = { NameSchema, EmailSchema, PhoneSchema, SpecialtySchema, LicenseNumberSchema };
  const samples: Record<keyof typeof trimmed, string> = {
    NameSchema: "Ada Lovelace",
    EmailSchema: "ada@example.test",
    PhoneSchema: "+44 20 7946 0000",
    SpecialtySchema: "Cardiology",
    LicenseNumberSchema: "GMC-123456",
  };

  for (const [name, schema] of Object.entries(trimmed) as [keyof typeof trimmed, (typeof trimmed)[keyof typeof trimmed]][]) {
    it(`${name}: every control character inside the value is refused with its own message`, () => {
      const good = samples[name];
      expect(schema.safeParse(good).success).toBe(true);
      for (const c of CONTROLS) {
        const r = schema.safeParse(good.slice(0, 3) + c + good.slice(3));
        expect(r.success, `U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`).toBe(false);
        expect(firstMessage(r)).toBe(CONTROL_CHARACTER_MESSAGE);
      }
    });

    it(`${name}: lone surrogates are refused, a real pair (emoji) is not a reason to refuse`, () => {
      const good = samples[name];
      for (const s of ["\ud800", "\udfff", "\udc00\ud800"]) {
        const r = schema.safeParse(good.slice(0, 3) + s + good.slice(3));
        expect(r.success).toBe(false);
        expect(firstMessage(r)).toBe(INVALID_TEXT_MESSAGE);
      }
    });
  }

  it("surrounding whitespace (tabs and line breaks too) is trimmed, as for emails, not refused", () => {
    expect(NameSchema.parse("\tAda Lovelace\r\n")).toBe("Ada Lovelace");
    expect(LicenseNumberSchema.parse(" gmc 123\n")).toBe("GMC123");
    // …but NUL is not whitespace, and is refused wherever it is.
    expect(NameSchema.safeParse("Ada\u0000").success).toBe(false);
    expect(NameSchema.safeParse("\u0000Ada").success).toBe(false);
  });

  it("a name with an emoji and letters of any script is fine", () => {
    expect(NameSchema.parse("Zoë 😀 عائشة")).toBe("Zoë 😀 عائشة");
  });
});

describe("passwords refuse control characters too (docs/DECISIONS.md \"Password policy\")", () => {
  it.each(["\u0000", "\t", "\n", "\u001b", "\u007f"])("new password with %j → VALIDATION_FAILED-style issue, not WEAK_PASSWORD", (c) => {
    const r = NewPasswordSchema.safeParse(`correct horse${c}battery`);
    expect(r.success).toBe(false);
    expect(firstMessage(r)).toBe(CONTROL_CHARACTER_MESSAGE);
    // No `params.code`: the handler reports VALIDATION_FAILED for it.
    expect((r.error!.issues[0] as { params?: unknown }).params).toBeUndefined();
  });

  it("a current password with a control character or lone surrogate is refused before any comparison", () => {
    expect(CurrentPasswordSchema.safeParse("pass\u0000word").success).toBe(false);
    expect(CurrentPasswordSchema.safeParse("pass\ud800word").success).toBe(false);
    expect(LoginSchema.safeParse({ email: "a@b.test", password: "pass\u0009word" }).success).toBe(false);
  });

  it("a password is never trimmed: leading and trailing spaces are part of it", () => {
    expect(NewPasswordSchema.parse("  spaced passphrase  ")).toBe("  spaced passphrase  ");
  });

  it("the confirmation and the doctor sign-up fields name the offending field", () => {
    const reset = ResetPasswordSchema.safeParse({ password: "correct horse battery", confirmPassword: "correct horse\u0000battery" });
    expect(reset.error!.issues.map((i) => i.path.join("."))).toContain("confirmPassword");
    const doctor = DoctorSignupSchema.safeParse({
      name: "Dr Who",
      email: "who@example.test",
      password: "correct horse battery",
      specialty: "Cardio\u0007logy",
      licenseNumber: "GMC\u0000123",
    });
    const paths = doctor.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["specialty", "licenseNumber"]));
  });
});
