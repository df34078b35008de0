import { z } from "zod";
import { msg } from "./messages";
import { CodeSchema, CurrentPasswordSchema, trimmedText } from "./fields";

/** Inputs of the second-factor endpoints (docs/MFA.md), shared by the routes and their forms. */

/** `xxxxx-xxxxx` as shown; case, spaces and dashes are forgiven (the server normalises them). */
export const RecoveryCodeSchema = z
  .string({ error: msg("mfa.recoveryRequired") })
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z -]{8,22}[0-9A-Za-z]$/, { error: msg("mfa.recoveryFormat") });

export const MfaTokenSchema = z.string({ error: msg("mfa.signInAgain") }).regex(/^[A-Za-z0-9_-]{20,100}$/, { error: msg("mfa.signInAgain") });

/** A WebAuthn response as @simplewebauthn/browser returns it; checked in depth by the server library. */
export const WebauthnResponseSchema = z.looseObject({ id: z.string().min(1).max(1024), type: z.literal("public-key") });

/** The second-factor fields a body may carry; how many of them are given decides the refine below. */
const codeFields = { code: CodeSchema.optional(), recoveryCode: RecoveryCodeSchema.optional() };
const proofsGiven = (v: { code?: unknown; recoveryCode?: unknown; passkey?: unknown }) =>
  [v.code, v.recoveryCode, v.passkey].filter((x) => x !== undefined).length;
const oneProof = (v: Parameters<typeof proofsGiven>[0]) => proofsGiven(v) === 1;
const atMostOneProof = (v: Parameters<typeof proofsGiven>[0]) => proofsGiven(v) <= 1;
const proofIssue = { error: msg("mfa.oneProof"), path: ["code"] };

export const TotpCodeSchema = z.object({ code: CodeSchema });
/** The sign-in page's recovery-code step (the mfaToken is added by the form). */
export const RecoveryCodeOnlySchema = z.object({ recoveryCode: RecoveryCodeSchema });

export const MfaVerifySchema = z
  .object({
    mfaToken: MfaTokenSchema,
    ...codeFields,
    passkey: WebauthnResponseSchema.optional(),
  })
  .refine(oneProof, proofIssue);
export type MfaVerifyInput = z.input<typeof MfaVerifySchema>;

export const MfaTokenOnlySchema = z.object({ mfaToken: MfaTokenSchema });

const atMostOneIssue = { error: msg("mfa.atMostOneProof"), path: ["code"] };

/**
 * The password and, optionally, a current code or a recovery code: what a change to the factors
 * themselves asks for. Without a code in the body the session's recent password+factor proof must
 * stand in for it (docs/MFA.md "Recent proof").
 */
const PasswordAndFactorSchema = z
  .object({ password: CurrentPasswordSchema, ...codeFields })
  .refine(atMostOneProof, atMostOneIssue);
/** Turning the authenticator off. */
export const TotpDisableSchema = PasswordAndFactorSchema;
export type TotpDisableInput = z.input<typeof TotpDisableSchema>;
/** Making new recovery codes (the old ones stop working). */
export const RecoveryCodesRenewSchema = PasswordAndFactorSchema;
/** Removing a passkey. */
export const PasskeyRemoveSchema = PasswordAndFactorSchema;

/** A passkey assertion for the options of POST /api/auth/reauth/passkey/options. */
export const PasskeyAssertionSchema = z.object({ challengeId: z.uuid({ error: msg("mfa.startAgain") }), response: WebauthnResponseSchema });

/** POST /api/auth/reauth: the password and at most one second factor. */
export const ReauthSchema = z
  .object({
    password: CurrentPasswordSchema,
    ...codeFields,
    passkey: PasskeyAssertionSchema.optional(),
  })
  .refine(atMostOneProof, atMostOneIssue);
export type ReauthInput = z.input<typeof ReauthSchema>;

// trimmedText refuses control characters and lone surrogates (docs/RULES.md "Request bodies").
export const PasskeyNameSchema = trimmedText(msg("mfa.passkeyName"))
  .pipe(z.string().min(1, { error: msg("mfa.passkeyName") }).max(60, { error: msg("length.max60") }));

export const PasskeyRegisterSchema = z.object({ challengeId: z.uuid({ error: msg("mfa.startAgain") }), response: WebauthnResponseSchema, name: PasskeyNameSchema.optional() });
export const PasskeyRenameSchema = z.object({ name: PasskeyNameSchema });
export const PasskeySignInSchema = z.object({ challengeId: z.uuid({ error: msg("mfa.startAgain") }), response: WebauthnResponseSchema });
