import "server-only";
import type { SignedInActor } from "@/lib/http/actor";
import { eq, sql } from "drizzle-orm";
import { auditInsert, type SecurityEventType } from "@/lib/audit";
import { endAllSessions } from "@/lib/auth/session/sessions";
import { type Db, getDb } from "@/lib/db/client";
import { doctorProfiles, type User, users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/http/app-error";
import { enqueueMail } from "@/lib/mail/queue";
import { doctorApprovedEmail, doctorRejectedEmail } from "@/lib/mail/templates";
import type { UserChanges } from "@/lib/validation/admin";
import { type LockedAccount, lockAccounts } from "./guard";
import { actorChangedRefusal, changeRefusal, refuse } from "./policy";
import { getUserDetail } from "./users";

/**
 * PATCH /api/users/{id}: an admin changes a user's name, role, status or (for doctors) approval.
 * Every change is checked on locked rows, applied, written to the audit trail and (for a decision
 * on a doctor) its email queued, in one transaction. Values equal to the current ones are not
 * changes: they are neither applied nor audited.
 */
export async function updateUser(actor: SignedInActor, targetId: string, changes: UserChanges) {
  const admin = actor.user; // the admin acting, re-read under lock below
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { target, actorNow: adminNow, activeSuperadmins } = await lockAccounts(tx, admin.id, targetId);
    if (!target) throw notFound();
    const role = changes.role ?? target.role;
    const status = changes.status ?? target.status;
    refuse(changeRefusal(admin, target, { role, status }, activeSuperadmins));
    refuse(actorChangedRefusal(admin, adminNow));

    const profile = await lockDoctorProfile(tx, target.id);
    if (role === "doctor" && target.role !== "doctor" && !profile) throw new AppError("NO_DOCTOR_PROFILE");
    const decision = changes.approval ? checkDecision(target, role, profile, changes.approval, changes.reason ?? null) : null;

    const events: [SecurityEventType, Record<string, unknown>][] = [];
    const detail = (before: object, after: object) => ({ targetId: target.id, before, after, reason: changes.reason ?? null });
    const set: Partial<Pick<User, "name" | "role" | "status" | "roleSince">> = {};
    if (changes.name !== undefined && changes.name !== target.name) {
      set.name = changes.name;
      events.push(["user_renamed", detail({ name: target.name }, { name: changes.name })]);
    }
    if (role !== target.role) {
      set.role = role;
      // The MFA grace period of a newly given role counts from today (docs/MFA.md "Policy").
      set.roleSince = new Date();
      events.push(["role_changed", detail({ role: target.role }, { role })]);
    }
    if (status !== target.status) {
      set.status = status;
      events.push([status === "suspended" ? "user_suspended" : "user_reactivated", detail({ status: target.status }, { status })]);
    }
    if (Object.keys(set).length) await tx.update(users).set({ ...set, updatedAt: sql`now()` }).where(eq(users.id, target.id));
    // docs/RULES.md "Revocation": a role change or a suspension ends every session at once.
    if (set.role || set.status === "suspended") await endAllSessions(tx, target.id);

    if (decision) {
      await tx
        .update(doctorProfiles)
        .set({ approval: decision.approval, decidedBy: admin.id, decidedAt: sql`now()`, rejectionReason: decision.reason })
        .where(eq(doctorProfiles.userId, target.id));
      events.push([
        decision.approval === "approved" ? "doctor_approved" : "doctor_rejected",
        detail({ approval: profile!.approval }, { approval: decision.approval }),
      ]);
    }
    for (const [type, d] of events) await auditInsert(tx, type, actor, target.id, d, admin.id);
    if (decision) {
      // Queued with the decision: the doctor is emailed exactly when it commits (docs/RULES.md "Email delivery").
      const name = set.name ?? target.name;
      const message = decision.approval === "approved" ? doctorApprovedEmail(target.email, name, target.locale) : doctorRejectedEmail(target.email, name, decision.reason!, target.locale);
      await enqueueMail(tx, message, { userId: target.id });
    }
  });
  return (await getUserDetail(targetId))!;
}

type Profile = typeof doctorProfiles.$inferSelect;

async function lockDoctorProfile(tx: Db, userId: string): Promise<Profile | undefined> {
  const [p] = await tx.select().from(doctorProfiles).where(eq(doctorProfiles.userId, userId)).for("update");
  return p;
}

/**
 * Approval is for verified doctors only (a licence nobody has proved is not worth approving), and
 * never for a claim to a licence another verified doctor holds. Re-deciding the same way is no
 * change, except a rejection with a new reason, which the doctor is told again.
 */
function checkDecision(target: LockedAccount, role: User["role"], profile: Profile | undefined, approval: "approved" | "rejected", reason: string | null) {
  if (role !== "doctor" || !profile) throw new AppError("NOT_A_DOCTOR");
  if (!target.emailVerifiedAt) throw new AppError("ACCOUNT_NOT_VERIFIED");
  if (!profile.licenseVerified) throw new AppError("LICENSE_TAKEN");
  const next = approval === "rejected" ? reason : null;
  if (profile.approval === approval && (approval === "approved" || profile.rejectionReason === next)) return null;
  return { approval, reason: next };
}
