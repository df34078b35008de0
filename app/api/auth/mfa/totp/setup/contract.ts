import { defineContract } from "@/lib/openapi/contract";
import { TotpSetupSchema } from "@/lib/validation/mfa-responses";


export const contract = defineContract({
  path: "/api/auth/mfa/totp/setup",
  tag: "Accounts and sessions",
  POST: {
    summary: "Start setting up an authenticator app",
    description: "A fresh secret (stored encrypted, unconfirmed), its `otpauth://` URI and a QR code as an SVG data URL drawn by the server. Needs a recent proof (POST /api/auth/reauth): the password, and a second factor as well when the account has one.",
    auth: "session",
    duringMfaSetup: true,
    responses: { 200: TotpSetupSchema },
    errors: ["MFA_ALREADY_ENABLED", "REAUTH_REQUIRED"],
    example: { response: { secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", otpauthUri: "otpauth://totp/CareGate:amira?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=CareGate", qrCode: "data:image/svg+xml;base64,PHN2Zz4=" } },
  },
});
