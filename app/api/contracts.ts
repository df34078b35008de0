import { config } from "@/lib/config";
import type { Contract } from "@/lib/openapi/contract";
import { buildDocument, type OpenApiDocument } from "@/lib/openapi/document";
import { version } from "@/package.json";
import { contract as changeEmailRequest } from "./auth/change-email/request/contract";
import { contract as changeEmailVerify } from "./auth/change-email/verify/contract";
import { contract as changePassword } from "./auth/change-password/contract";
import { contract as forgotPasswordRequest } from "./auth/forgot-password/request/contract";
import { contract as forgotPasswordVerify } from "./auth/forgot-password/verify/contract";
import { contract as login } from "./auth/login/contract";
import { contract as logout } from "./auth/logout/contract";
import { contract as logoutAll } from "./auth/logout-all/contract";
import { contract as resendOtp } from "./auth/resend-otp/contract";
import { contract as resetPassword } from "./auth/reset-password/[token]/contract";
import { contract as session } from "./auth/sessions/[id]/contract";
import { contract as sessions } from "./auth/sessions/contract";
import { contract as signup } from "./auth/signup/contract";
import { contract as signupDoctor } from "./auth/signup-doctor/contract";
import { contract as verifyOtp } from "./auth/verify-otp/contract";
import { contract as health } from "./health/contract";
import { contract as openapi } from "./openapi.json/contract";
import { contract as me } from "./users/me/contract";
// Notifications
import { contract as unsubscribe } from "./unsubscribe/[token]/contract";
import { contract as notifications } from "./users/me/notifications/contract";
// Administration
import { contract as audit } from "./audit/contract";
import { contract as users } from "./users/contract";
import { contract as user } from "./users/[id]/contract";
// Health records and sharing
import { contract as doctors } from "./doctors/contract";
import { contract as grant } from "./grants/[id]/contract";
import { contract as grants } from "./grants/contract";
import { contract as patientRecords } from "./patients/[id]/records/contract";
import { contract as patients } from "./patients/contract";
import { contract as record } from "./records/[id]/contract";
import { contract as recordFile } from "./records/[id]/file/contract";
import { contract as recordThumbnail } from "./records/[id]/thumbnail/contract";
import { contract as recordAccessLog } from "./records/access-log/contract";
import { contract as records } from "./records/contract";
// Second factor
import { contract as mfaStatus } from "./auth/mfa/contract";
import { contract as mfaPasskeyOptions } from "./auth/mfa/passkey/options/contract";
import { contract as recoveryCodes } from "./auth/mfa/recovery-codes/contract";
import { contract as totpConfirm } from "./auth/mfa/totp/confirm/contract";
import { contract as totpDisable } from "./auth/mfa/totp/disable/contract";
import { contract as totpSetup } from "./auth/mfa/totp/setup/contract";
import { contract as mfaVerify } from "./auth/mfa/verify/contract";
import { contract as passkeyLogin } from "./auth/passkey/login/contract";
import { contract as passkeySignInOptions } from "./auth/passkey/options/contract";
import { contract as passkey } from "./auth/passkeys/[id]/contract";
import { contract as passkeys } from "./auth/passkeys/contract";
import { contract as passkeyOptions } from "./auth/passkeys/options/contract";
import { contract as reauth } from "./auth/reauth/contract";
import { contract as reauthPasskeyOptions } from "./auth/reauth/passkey/options/contract";
import { contract as mfaReset } from "./users/[id]/mfa/reset/contract";
// Your data
import { contract as accountDeletion } from "./account/deletion/contract";
import { contract as accountExport } from "./account/export/contract";
import { contract as accountExportSummary } from "./account/export/summary/contract";

/**
 * Every route's contract, in the order the reference lists them within a group. A route without an
 * entry here fails the contract test (tests/unit/openapi.test.ts); see docs/API.md "Adding a contract".
 */
export const contracts: readonly Contract[] = [
  signup,
  signupDoctor,
  verifyOtp,
  resendOtp,
  login,
  mfaVerify,
  mfaPasskeyOptions,
  passkeySignInOptions,
  passkeyLogin,
  logout,
  logoutAll,
  sessions,
  session,
  me,
  notifications,
  unsubscribe,
  reauth,
  reauthPasskeyOptions,
  mfaStatus,
  totpSetup,
  totpConfirm,
  totpDisable,
  recoveryCodes,
  passkeys,
  passkeyOptions,
  passkey,
  mfaReset,
  forgotPasswordRequest,
  forgotPasswordVerify,
  resetPassword,
  changePassword,
  changeEmailRequest,
  changeEmailVerify,
  // Administration
  users,
  user,
  audit,
  // Health records and sharing
  records,
  record,
  recordFile,
  recordThumbnail,
  recordAccessLog,
  doctors,
  grants,
  grant,
  patients,
  patientRecords,
  // Your data
  accountExportSummary,
  accountExport,
  accountDeletion,
  health,
  openapi,
];

let built: OpenApiDocument | undefined;

/** The OpenAPI document, built once per process (the contracts are constants). */
export function apiDocument(): OpenApiDocument {
  return (built ??= buildDocument(contracts, { serverUrl: config().APP_URL, version }));
}
