import { z } from "zod";
import { msg } from "./messages";
import { RecoveryCodeSchema } from "./mfa";
import {
  CodeSchema,
  containsEmailLocalPart,
  CurrentPasswordSchema,
  DobSchema,
  EmailSchema,
  GenderSchema,
  LocaleSchema,
  LOCAL_PART_MESSAGE,
  NameSchema,
  NewPasswordSchema,
  optional,
  PhoneSchema,
  plainText,
  trimmedText,
  weakPasswordIssue,
} from "./fields";

/** One schema per input, imported by the route and by its form (ARCHITECTURE convention 1). */

const mismatch = { code: "PASSWORD_MISMATCH" };

export const SignupSchema = z
  .object({ name: NameSchema, email: EmailSchema, password: NewPasswordSchema, phone: optional(PhoneSchema) })
  .superRefine((v, ctx) => {
    if (containsEmailLocalPart(v.password, v.email)) ctx.addIssue(weakPasswordIssue("password", LOCAL_PART_MESSAGE));
  });
export type SignupInput = z.input<typeof SignupSchema>;

export const SpecialtySchema = trimmedText(msg("doctor.specialty"))
  .min(2, { error: msg("doctor.specialty") })
  .max(100, { error: msg("length.max100") });

/**
 * Licence numbers compare after trim, upper-case and removal of inner spaces (docs/DECISIONS.md "Licence format"). The
 * alphabet is checked before upper-casing: toUpperCase maps "ß", "ﬁ", "ı", "ſ" to ASCII letters,
 * which would otherwise slip non-ASCII input through as some other licence.
 */
export const LicenseNumberSchema = trimmedText(msg("doctor.licence"))
  .transform((s) => s.replace(/\s+/g, ""))
  .pipe(
    z
      .string()
      .min(3, { error: msg("doctor.licence") })
      .max(30, { error: msg("length.max30") })
      .regex(/^[A-Za-z0-9][A-Za-z0-9\-/.]*$/, { error: msg("doctor.licenceFormat") }),
  )
  .transform((s) => s.toUpperCase())
  .meta({ description: "3–30 letters, digits, dashes, dots or slashes; spaces are removed and letters upper-cased." });

export const DoctorSignupSchema = z
  .object({
    name: NameSchema,
    email: EmailSchema,
    password: NewPasswordSchema,
    phone: optional(PhoneSchema),
    specialty: SpecialtySchema,
    licenseNumber: LicenseNumberSchema,
  })
  .superRefine((v, ctx) => {
    if (containsEmailLocalPart(v.password, v.email)) ctx.addIssue(weakPasswordIssue("password", LOCAL_PART_MESSAGE));
  });
export type DoctorSignupInput = z.input<typeof DoctorSignupSchema>;

export const VerifyOtpSchema = z.object({
  email: EmailSchema,
  code: CodeSchema,
  // The sign-up whose details apply (docs/RULES.md "Sign-up details"); browsers send it as a cookie instead.
  signupId: z.uuid({ error: msg("signup.id") }).optional(),
});
export const EmailOnlySchema = z.object({ email: EmailSchema });
export const LoginSchema = z.object({ email: EmailSchema, password: CurrentPasswordSchema });

export const UpdateMeSchema = z
  .object({
    name: NameSchema.optional(),
    phone: optional(PhoneSchema),
    dob: optional(DobSchema),
    gender: optional(GenderSchema),
    locale: LocaleSchema.optional(),
    specialty: SpecialtySchema.optional(),
  })
  .strip();
export type UpdateMeInput = z.input<typeof UpdateMeSchema>;

/** new + confirm, with the policy's local-part rule when the email is known to the caller. */
function newPasswordPair<K extends string>(key: K) {
  return z.object({ [key]: NewPasswordSchema, confirmPassword: plainText(msg("password.confirm")) } as {
    [P in K | "confirmPassword"]: z.ZodType<string>;
  });
}
const confirmMatches =
  (key: string) =>
  (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (typeof v[key] === "string" && v.confirmPassword !== v[key]) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: msg("password.mismatch"), params: mismatch });
    }
  };

export const ForgotVerifySchema = newPasswordPair("password")
  .extend({ email: EmailSchema, code: CodeSchema })
  .superRefine((v, ctx) => {
    confirmMatches("password")(v, ctx);
    if (containsEmailLocalPart(v.password, v.email)) ctx.addIssue(weakPasswordIssue("password", LOCAL_PART_MESSAGE));
  });

export const ResetPasswordSchema = newPasswordPair("password").superRefine(confirmMatches("password"));

export const ChangePasswordSchema = newPasswordPair("newPassword")
  .extend({ currentPassword: CurrentPasswordSchema })
  .superRefine(confirmMatches("newPassword"));

/** A factor (a current app code or a recovery code) is needed when the account has one (docs/MFA.md "Recent proof"). */
export const ChangeEmailRequestSchema = z
  .object({ newEmail: EmailSchema, currentPassword: CurrentPasswordSchema, code: CodeSchema.optional(), recoveryCode: RecoveryCodeSchema.optional() })
  .refine((v) => v.code === undefined || v.recoveryCode === undefined, { error: msg("code.codeOrRecovery"), path: ["code"] });
export const ChangeEmailVerifySchema = z.object({ code: CodeSchema });
