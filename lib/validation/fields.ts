import { z } from "zod";
import { asciiDigits, LOCALES } from "@/lib/i18n/locale";
import { msg } from "./messages";

/**
 * Field schemas shared by forms and routes (ARCHITECTURE convention 1). No DB and no server-only
 * imports here: the browser bundles this file. Messages are catalogue keys (./messages.ts), turned
 * into the reader's language where they are shown.
 */

export const codePoints = (s: string) => [...s].length;

/**
 * docs/RULES.md "Request bodies": text refuses C0 control characters and DEL (U+0000–U+001F,
 * U+007F). PostgreSQL cannot store U+0000 at all, and a tab or line break in a name, email or
 * password is never what a person meant (a browser field cannot even type most of them).
 */
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F]/;
/**
 * Half of a UTF-16 surrogate pair on its own (JSON allows "\ud800"). It is not a character: the
 * database and the password hasher would silently store U+FFFD instead, so two different inputs
 * would become the same value.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const CONTROL_CHARACTER_MESSAGE = msg("text.control");
export const INVALID_TEXT_MESSAGE = msg("text.invalid");

export const hasControlCharacter = (s: string) => CONTROL_CHARACTER.test(s);
export const hasLoneSurrogate = (s: string) => LONE_SURROGATE.test(s);

const refuseControls = (schema: z.ZodString) =>
  schema
    .refine((s) => !hasControlCharacter(s), { error: CONTROL_CHARACTER_MESSAGE })
    .refine((s) => !hasLoneSurrogate(s), { error: INVALID_TEXT_MESSAGE });

/**
 * Where every text field starts: a string (`error` when it is missing or not a string) trimmed of
 * surrounding whitespace (docs/RULES.md "Accounts": emails are "trimmed"; a pasted "Ada\n" is meant as "Ada"), in which
 * no control character or lone surrogate may remain — "A\tda" and "Ada\u0000" are refused.
 */
export const trimmedText = (error: string) => refuseControls(z.string({ error }).trim());

/** The same without trimming, for values used exactly as sent (passwords are never altered). */
export const plainText = (error: string) => refuseControls(z.string({ error }));

/**
 * zod's default email pattern with letters, digits and marks of any script (internationalised
 * addresses, RFC 6531): docs/RULES.md "Accounts" normalises emails to Unicode NFC, which only matters if they may
 * contain non-ASCII characters. Still one @, dot-separated labels and a TLD of ≥ 2 letters.
 */
const EMAIL_PATTERN =
  /^(?:[\p{L}\p{M}\p{N}_'+\-]+\.)*[\p{L}\p{M}\p{N}_'+\-]*[\p{L}\p{M}\p{N}_+\-]@(?:[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}\-]*\.)+[\p{L}\p{M}]{2,}$/u;

export const EmailSchema = trimmedText(msg("email.required"))
  .transform((s) => s.normalize("NFC").toLowerCase())
  .pipe(
    z
      .email({ pattern: EMAIL_PATTERN, error: msg("email.invalid") })
      .max(254, { error: msg("email.tooLong") }),
  )
  // What the API reference says about the field (the pipe above is not expressible in JSON Schema).
  .meta({ format: "email", description: "Trimmed, Unicode-NFC normalised and lower-cased before use." });

export const NameSchema = trimmedText(msg("name.required"))
  .refine((s) => codePoints(s) >= 1, { error: msg("name.required") })
  .refine((s) => codePoints(s) <= 100, { error: msg("length.max100") })
  .meta({ description: "1–100 characters after trimming." });

/** Arabic-Indic and Persian digits are read as the ASCII digits they are (docs/I18N.md "Digits"). */
export const PhoneSchema = trimmedText(msg("phone.required"))
  .overwrite(asciiDigits)
  .max(20, { error: msg("length.max20") })
  .regex(/^\+?[0-9][0-9 -]*[0-9]$/, { error: msg("phone.format") });

/** Optional text inputs: an empty string or null from a form means "none". */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? null : v), schema.nullable().optional());

const today = () => new Date().toISOString().slice(0, 10);
export const DobSchema = z
  .iso.date({ error: msg("dob.format") })
  .refine((d) => d <= today(), { error: msg("dob.future") })
  .refine((d) => d >= "1900-01-01", { error: msg("dob.tooOld") })
  .meta({ description: "YYYY-MM-DD, from 1900 to today." });

/** The languages an account can have (docs/I18N.md "Which language"). */
export const LocaleSchema = z.enum(LOCALES, { error: msg("locale.choose") });

export const GENDERS = ["female", "male", "other", "prefer_not_to_say"] as const;
export const GenderSchema = z.enum(GENDERS, { error: msg("gender.choose") });

/**
 * docs/RULES.md "One-time codes": a string of exactly 6 ASCII digits — no trimming, no numbers, no
 * arrays. Arabic-Indic and Persian digits become ASCII first: an Arabic keyboard types them.
 */
export const CodeSchema = z
  .string({ error: msg("code.required") })
  .overwrite(asciiDigits)
  .regex(/^[0-9]{6}$/, { error: msg("code.required") })
  .meta({ description: "The 6-digit code from the email, as a string (leading zeros matter). Arabic-Indic and Persian digits are read as ASCII." });

// The catalogue's length.min8 and length.max128 say these numbers: change them together.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
const weak = { code: "WEAK_PASSWORD" };

/** Length in code points, never truncated. The common-password list is checked on the server. */
export const NewPasswordSchema = plainText(msg("password.required"))
  .refine((s) => codePoints(s) >= PASSWORD_MIN, { error: msg("length.min8"), params: weak })
  .refine((s) => codePoints(s) <= PASSWORD_MAX, { error: msg("length.max128"), params: weak })
  // JSON Schema string lengths count code points, like the refinements above.
  .meta({
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    description: "Not a common password and not containing the email's local part (400 WEAK_PASSWORD).",
  });

/** A password being checked, not set: any non-empty string of sane size. */
export const CurrentPasswordSchema = plainText(msg("password.current"))
  .min(1, { error: msg("password.current") })
  .max(1024, { error: msg("password.current") });

/** The email's local part (if ≥ 3 characters, so "al@…" does not ban every password with "al"). */
export function containsEmailLocalPart(password: string, email: string): boolean {
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  return local.length >= 3 && password.toLowerCase().includes(local);
}

export const LOCAL_PART_MESSAGE = msg("password.containsEmail");
export const weakPasswordIssue = (path: string, message: string) => ({
  code: "custom" as const,
  path: [path],
  message,
  params: weak,
});
