import { z } from "zod";

/** Success bodies of the second-factor endpoints (docs/MFA.md), for their contracts. Strict, like lib/validation/responses.ts. */

export const MfaRequiredSchema = z.strictObject({ mfaRequired: z.literal(true), mfaToken: z.string() }).meta({ id: "MfaRequired" });
export const MfaStatusSchema = z.strictObject({
  totp: z.boolean(),
  totpSetupPending: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  passkeys: z.number().int(),
  enabled: z.boolean(),
  required: z.boolean(),
  graceDaysLeft: z.number().int().nullable(),
  setupRequired: z.boolean(),
});
export const TotpSetupSchema = z.strictObject({ secret: z.string(), otpauthUri: z.string(), qrCode: z.string() });
export const RecoveryCodesSchema = z.strictObject({ recoveryCodes: z.array(z.string()) });
/** Confirming an app: codes only when the account had none (adding a factor never replaces them). */
export const RecoveryCodesIfNewSchema = z.strictObject({ recoveryCodes: z.array(z.string()).optional() });
/** WebAuthn options as @simplewebauthn/server makes them (passed to the browser untouched). */
const WebauthnOptions = z.looseObject({ challenge: z.string() });
export const WebauthnOptionsSchema = z.strictObject({ options: WebauthnOptions });
export const WebauthnChallengeSchema = z.strictObject({ challengeId: z.uuid(), options: WebauthnOptions });
export const PasskeySchema = z
  .strictObject({ id: z.uuid(), name: z.string(), createdAt: z.iso.datetime(), lastUsedAt: z.iso.datetime().nullable() })
  .meta({ id: "Passkey" });
export const PasskeyListSchema = z.strictObject({ passkeys: z.array(PasskeySchema) });
export const PasskeyResponseSchema = z.strictObject({ passkey: PasskeySchema });
export const PasskeyAddedSchema = z.strictObject({ passkey: PasskeySchema, recoveryCodes: z.array(z.string()).optional() });
export const ReauthResultSchema = z.strictObject({
  reauthenticatedUntil: z.iso.datetime(),
  level: z.enum(["password", "password+factor"]),
});
