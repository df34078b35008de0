import "server-only";
import { eq, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { mfaChallenges, mfaRecoveryCodes, mfaTotp, passkeys, type User, users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/http/app-error";
import { enqueueMail } from "@/lib/mail/queue";
import { mfaResetEmail } from "@/lib/mail/mfa-templates";
import { endAllSessions } from "@/lib/auth/session/sessions";

/**
 * POST /api/users/{id}/mfa/reset (admins): for someone who lost their phone and their recovery codes.
 * Removes every factor (app, passkeys, recovery codes, half-finished sign-ins) and ends every session,
 * in one transaction with the owner's email and the audit event naming the admin. The rules of the
 * admin module apply: admins never act on a superadmin, and nobody resets their own factors here —
 * that would skip the password-and-code check of turning a factor off (docs/MFA.md "Admin reset").
 * The grace period is not restarted: a user whose role needs a factor must set one up at next sign-in.
 */
export async function resetUserMfa(request: Request, actor: Pick<User, "id" | "role">, targetId: string) {
  if (targetId === actor.id) throw new AppError("FORBIDDEN", { message: "Turn off your own factors from your account page." });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, targetId)).for("update");
    if (!target) throw notFound();
    if (target.role === "superadmin" && actor.role !== "superadmin") throw new AppError("FORBIDDEN");
    const [totp] = await tx.delete(mfaTotp).where(eq(mfaTotp.userId, targetId)).returning({ confirmedAt: mfaTotp.confirmedAt });
    const keys = await tx.delete(passkeys).where(eq(passkeys.userId, targetId)).returning({ id: passkeys.id });
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, targetId));
    await tx.delete(mfaChallenges).where(eq(mfaChallenges.userId, targetId));
    await tx.update(users).set({ mfaEnabledAt: null, updatedAt: sql`now()` }).where(eq(users.id, targetId));
    await endAllSessions(tx, targetId);
    await enqueueMail(tx, mfaResetEmail(target.email), { userId: targetId });
    await auditInsert(tx, "mfa_reset", request, targetId, { totp: Boolean(totp?.confirmedAt), passkeys: keys.length }, actor.id);
  });
}
