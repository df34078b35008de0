/** GET /api/auth/mfa, as the account page reads it. */
export type MfaStatus = {
  totp: boolean;
  totpSetupPending: boolean;
  recoveryCodesLeft: number;
  passkeys: number;
  enabled: boolean;
  required: boolean;
  graceDaysLeft: number | null;
  setupRequired: boolean;
};

export type TotpSetup = { secret: string; otpauthUri: string; qrCode: string };
