import "server-only";
import type { Actor } from "@/lib/http/actor";
import { auditInsert } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { enqueueMail } from "@/lib/mail/queue";
import { recoveryCodesRegeneratedEmail } from "@/lib/mail/mfa-templates";
import type { FactorProof } from "@/lib/auth/mfa/factor";
import { replaceRecoveryCodes } from "@/lib/auth/mfa/recovery";
import { confirmPasswordAndFactor } from "@/lib/auth/reauth";
import type { SessionContext } from "@/lib/auth/session/sessions";

/**
 * POST /api/auth/mfa/recovery-codes: ten new recovery codes replace the old ones (used or not), for
 * someone who used most of theirs or fears they were seen. It asks for the password *and* a current
 * code or an unused recovery code (or a recent password+factor proof), as turning the app off does: a recovery code completes a sign-in,
 * so a stolen session plus the password must not be enough to mint fresh ones (docs/MFA.md
 * "Recovery codes"). The owner is emailed and the event audited in the same transaction.
 */
export async function renewRecoveryCodes(actor: Actor, session: SessionContext, password: string, proof: FactorProof) {
  const { user } = session;
  if (!user.mfaEnabledAt) throw new AppError("MFA_NOT_ENABLED");
  await confirmPasswordAndFactor(actor, session, password, proof, { need: "password+factor", during: "recovery_codes" });
  const db = await getDb();
  const recoveryCodes = await db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user.id);
    await enqueueMail(tx, recoveryCodesRegeneratedEmail(user.email, user.locale), { userId: user.id });
    await auditInsert(tx, "mfa_recovery_codes_regenerated", actor, user.id);
    return codes;
  });
  return { recoveryCodes };
}
