import type { z } from "zod";
import type { MfaStatusSchema, TotpSetupSchema } from "@/lib/validation/mfa-responses";

/** GET /api/auth/mfa and POST /api/auth/mfa/totp/setup, as the account page reads them: the contracts' schemas. */
export type MfaStatus = z.infer<typeof MfaStatusSchema>;
export type TotpSetup = z.infer<typeof TotpSetupSchema>;
