import { z } from "zod";
import { asciiDigits } from "@/lib/i18n/locale";

/**
 * Field schemas shared by forms and routes (ARCHITECTURE convention 1). No DB and no server-only
 * imports here: the browser bundles this file. Messages are user-facing English; a translation
 * layer can later replace them by issue code.
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

export const CONTROL_CHARACTER_MESSAGE = "Remove control characters such as tabs or line breaks.";
export const INVALID_TEXT_MESSAGE = "This contains characters that are not valid text.";

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

export const EmailSchema = trimmedText("Enter your email address.")
  .transform((s) => s.normalize("NFC").toLowerCase())
  .pipe(
    z
      .email({ pattern: EMAIL_PATTERN, error: "Enter a valid email address." })
      .max(254, { error: "This email address is too long." }),
  )
  // What the API reference says about the field (the pipe above is not expressible in JSON Schema).
  .meta({ format: "email", description: "Trimmed, Unicode-NFC normalised and lower-cased before use." });

export const NameSchema = trimmedText("Enter your name.")
  .refine((s) => codePoints(s) >= 1, { error: "Enter your name." })
  .refine((s) => codePoints(s) <= 100, { error: "Use at most 100 characters." })
  .meta({ description: "1–100 characters after trimming." });

/** Arabic-Indic and Persian digits are read as the ASCII digits they are (docs/I18N.md "Digits"). */
export const PhoneSchema = trimmedText("Enter a phone number.")
  .overwrite(asciiDigits)
  .max(20, { error: "Use at most 20 characters." })
  .regex(/^\+?[0-9][0-9 -]*[0-9]$/, { error: "Use digits, spaces and dashes, optionally starting with +." });

/** Optional text inputs: an empty string or null from a form means "none". */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? null : v), schema.nullable().optional());

const today = () => new Date().toISOString().slice(0, 10);
export const DobSchema = z
  .iso.date({ error: "Use a date as YYYY-MM-DD." })
  .refine((d) => d <= today(), { error: "The date of birth cannot be in the future." })
  .refine((d) => d >= "1900-01-01", { error: "Enter a real date of birth." })
  .meta({ description: "YYYY-MM-DD, from 1900 to today." });

export const GENDERS = ["female", "male", "other", "prefer_not_to_say"] as const;
export const GenderSchema = z.enum(GENDERS, { error: "Choose one of the options." });

/**
 * docs/RULES.md "One-time codes": a string of exactly 6 ASCII digits — no trimming, no numbers, no
 * arrays. Arabic-Indic and Persian digits become ASCII first: an Arabic keyboard types them.
 */
export const CodeSchema = z
  .string({ error: "Enter the 6-digit code." })
  .overwrite(asciiDigits)
  .regex(/^[0-9]{6}$/, { error: "Enter the 6-digit code." })
  .meta({ description: "The 6-digit code from the email, as a string (leading zeros matter). Arabic-Indic and Persian digits are read as ASCII." });

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
const weak = { code: "WEAK_PASSWORD" };

/** Length in code points, never truncated. The common-password list is checked on the server. */
export const NewPasswordSchema = plainText("Enter a password.")
  .refine((s) => codePoints(s) >= PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.`, params: weak })
  .refine((s) => codePoints(s) <= PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.`, params: weak })
  // JSON Schema string lengths count code points, like the refinements above.
  .meta({
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    description: "Not a common password and not containing the email's local part (400 WEAK_PASSWORD).",
  });

/** A password being checked, not set: any non-empty string of sane size. */
export const CurrentPasswordSchema = plainText("Enter your password.")
  .min(1, { error: "Enter your password." })
  .max(1024, { error: "Enter your password." });

/** The email's local part (if ≥ 3 characters, so "al@…" does not ban every password with "al"). */
export function containsEmailLocalPart(password: string, email: string): boolean {
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  return local.length >= 3 && password.toLowerCase().includes(local);
}

export const LOCAL_PART_MESSAGE = "Your password must not contain your email address.";
export const weakPasswordIssue = (path: string, message: string) => ({
  code: "custom" as const,
  path: [path],
  message,
  params: weak,
});
