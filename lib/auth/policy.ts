import "server-only";
import { type AnyColumn, eq, sql } from "drizzle-orm";
import { doctorProfiles, type User, users } from "@/lib/db/schema";

/**
 * What an account's own state lets it do, whoever it acts on (docs/RULES.md "Accounts", "Doctor
 * accounts", "Revocation"; docs/PRIVACY.md "Deletion"), decided from plain values. Where the same
 * rule also filters rows in SQL, its condition is built here too, so the two cannot drift apart.
 *
 * - A suspended account holds no session and cannot sign in (403 ACCOUNT_SUSPENDED); an unconfirmed
 *   one cannot sign in either (403 EMAIL_NOT_VERIFIED).
 * - A doctor whose approval is pending or rejected signs in, but every doctor-side API answers 403
 *   DOCTOR_NOT_APPROVED, and grants made to them stop working.
 * - An account whose deletion is scheduled is refused nothing: it signs in, exports and keeps its
 *   account. What it loses (every session, every grant given or received) is taken when the deletion
 *   is asked for (lib/account-data/deletion.ts).
 */

type Role = User["role"];
type Approval = "pending" | "approved" | "rejected";

/** Only an active account holds a session: the live-session query filters on this. */
export const mayHoldSession = (account: { status: User["status"] }) => account.status === "active";
export const sessionHolderWhere = () => eq(users.status, "active");

/** Why the right password (or passkey, or second factor) still opens no session; null: it may. */
export function signInRefusal(account: { status: User["status"]; emailVerifiedAt: Date | null }): "EMAIL_NOT_VERIFIED" | "ACCOUNT_SUSPENDED" | null {
  if (!account.emailVerifiedAt) return "EMAIL_NOT_VERIFIED";
  return mayHoldSession(account) ? null : "ACCOUNT_SUSPENDED";
}

/** A doctor account whose profile an admin approved (a missing profile is not approved). */
export const isApprovedDoctor = (account: { role: Role; approval?: Approval | null }) => account.role === "doctor" && account.approval === "approved";

/** Doctor-side APIs (a contract's `approvedDoctor`), given the doctor's current approval. */
export const doctorApprovalRefusal = (approval: Approval | null | undefined): "DOCTOR_NOT_APPROVED" | null =>
  approval === "approved" ? null : "DOCTOR_NOT_APPROVED";

/** The same rule in SQL, for the doctor whose id is in `doctorId` (a grant's, say): their profile is approved. */
export const approvedDoctorWhere = (doctorId: AnyColumn) =>
  sql`exists (select 1 from ${doctorProfiles} where ${doctorProfiles.userId} = ${doctorId} and ${doctorProfiles.approval} = 'approved')`;

type SuperadminRow = { id: string; role: Role; status: User["status"]; deletionScheduledFor: Date | null };

/**
 * Scheduling (or carrying out) one's own deletion: the last active superadmin cannot leave, and a
 * superadmin whose own deletion is scheduled does not count as one who remains (docs/DECISIONS.md "A
 * superadmin whose deletion is scheduled does not remain"). `rows` holds the account and every active
 * superadmin, read under one lock.
 */
export function ownDeletionRefusal(accountId: string, rows: readonly SuperadminRow[]): "LAST_SUPERADMIN" | null {
  const me = rows.find((r) => r.id === accountId);
  if (me?.role !== "superadmin" || me.status !== "active") return null;
  const others = rows.filter((r) => r.id !== accountId && r.role === "superadmin" && r.status === "active" && !r.deletionScheduledFor);
  return others.length === 0 ? "LAST_SUPERADMIN" : null;
}
