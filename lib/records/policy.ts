import "server-only";
import { and, eq, gt, isNotNull, isNull, or, type Placeholder, sql } from "drizzle-orm";
import { approvedDoctorWhere } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { doctorProfiles, recordGrants, records, type User, users } from "@/lib/db/schema";

/**
 * Who may do what to a patient's health records (docs/RULES.md "API: records and sharing";
 * docs/DECISIONS.md "Who may call what"), from plain values: the acting user's `{ id, role }` and
 * the patient whose records they are. Their owner may do everything; a doctor holding an active
 * grant from the patient may read (view, download, preview, list) and nothing else; everyone else,
 * admins included, may do nothing, and is answered 404 as if the record did not exist.
 *
 * Only the grant needs the database. It is one rule written once as a SQL condition
 * (`activeGrantWhere`), which the lists filter with and `recordsAccess` asks for a single patient.
 * A route contract's `roles` / `approvedDoctor` stay the coarse gate in front (a doctor not
 * approved is 403 before any lookup); these rules decide on the rows themselves.
 */

export type RecordsActor = { id: string; role: User["role"] };

export type RecordAction = "view" | "download" | "preview" | "list" | "update" | "delete" | "share" | "accessLog";

/** What a grant lets a doctor do: read, never change, delete or share. */
export const GRANT_ACTIONS: readonly RecordAction[] = ["view", "download", "preview", "list"];

/**
 * The pure half: "owner", "grant" (allowed if the doctor holds an active grant, which only the
 * database knows), or null (never).
 */
export function recordsRelation(actor: RecordsActor, patientId: string, action: RecordAction): "owner" | "grant" | null {
  if (actor.id === patientId) return "owner";
  return actor.role === "doctor" && GRANT_ACTIONS.includes(action) ? "grant" : null;
}

/** The whole rule, with the grant already known: may `actor` do `action` to `patientId`'s records? */
export function mayUseRecords(actor: RecordsActor, patientId: string, action: RecordAction, activeGrant: boolean): boolean {
  const relation = recordsRelation(actor, patientId, action);
  return relation === "owner" || (relation === "grant" && activeGrant);
}

/** The date half of "active" (a grant listed with `active: false` has expired). */
export const grantUnexpired = or(isNull(recordGrants.expiresAt), gt(recordGrants.expiresAt, sql`now()`));

/** A grant is active while it is not revoked, not expired, and its doctor still approved: all three, now. */
export function activeGrantWhere(doctorId: string | Placeholder, patientId?: string) {
  return and(
    patientId === undefined ? undefined : eq(recordGrants.patientId, patientId),
    eq(recordGrants.doctorId, doctorId),
    isNull(recordGrants.revokedAt),
    grantUnexpired,
    approvedDoctorWhere(recordGrants.doctorId),
  );
}

export async function hasActiveGrant(db: Db, patientId: string, doctorId: string): Promise<boolean> {
  const [row] = await db.select({ id: recordGrants.id }).from(recordGrants).where(activeGrantWhere(doctorId, patientId)).limit(1);
  return Boolean(row);
}

/**
 * The rule for one patient's records, reading the database only when it must: the owner and the
 * refused cost nothing, a doctor one grant lookup. "grant" tells the caller to log the doctor's read.
 */
export async function recordsAccess(db: Db, actor: RecordsActor, patientId: string, action: RecordAction): Promise<"owner" | "grant" | null> {
  const relation = recordsRelation(actor, patientId, action);
  if (relation !== "grant") return relation;
  return (await hasActiveGrant(db, patientId, actor.id)) ? "grant" : null;
}

/** The owner-only actions (update, delete) act on the rows this selects, in the statement that acts. */
export const ownRecordsWhere = (actorId: string) => eq(records.patientId, actorId);

/** A grant is revoked by the patient who made it, and nobody else. */
export const ownGrantsWhere = (actorId: string) => eq(recordGrants.patientId, actorId);

/** The grants an account sees: a doctor those made to them, anyone else those they made. */
export const grantsSeenWhere = (actor: RecordsActor) => (actor.role === "doctor" ? eq(recordGrants.doctorId, actor.id) : ownGrantsWhere(actor.id));

/**
 * The doctors a patient may find and share with: approved, verified, active doctor accounts
 * (`users` joined with `doctor_profiles`).
 */
export const shareableDoctorWhere = and(
  eq(users.role, "doctor"),
  eq(users.status, "active"),
  isNotNull(users.emailVerifiedAt),
  eq(doctorProfiles.approval, "approved"),
);
