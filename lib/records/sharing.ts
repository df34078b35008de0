import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, asc, desc, eq, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { audit, auditInsert } from "@/lib/audit";
import { type Db, getDb } from "@/lib/db/client";
import { preparedPerHandle } from "@/lib/db/prepared";
import { doctorProfiles, recordGrants, type User, users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/http/app-error";
import { logDoctorAccess } from "./access";
import { activeGrantWhere, grantsSeenWhere, grantUnexpired, ownGrantsWhere, recordsAccess, shareableDoctorWhere } from "./policy";
import type { RecordQuery } from "@/lib/validation/record-metadata";
import { listRecords } from "./list";
import type { RecordView } from "./records";

/**
 * Sharing (docs/RULES.md "API: records and sharing"): a patient grants one approved doctor read
 * access to all their records, optionally until a date, and can revoke it at any time. Grants are
 * read from the database on every request, so revocation and expiry act at once.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOCTOR_SEARCH_LIMIT = 20;

export type DoctorCard = { id: string; name: string; specialty: string };

/** `%`, `_` and `\` typed by the patient match themselves, not "anything". */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** GET /api/doctors?q=: name or specialty contains `q` (any case); empty `q` lists the first 20 by name. */
export async function searchDoctors(q: string): Promise<DoctorCard[]> {
  const db = await getDb();
  const pattern = `%${likeEscape(q)}%`;
  return db
    .select({ id: users.id, name: users.name, specialty: doctorProfiles.specialty })
    .from(users)
    .innerJoin(doctorProfiles, eq(doctorProfiles.userId, users.id))
    .where(and(shareableDoctorWhere, q ? or(ilike(users.name, pattern), ilike(doctorProfiles.specialty, pattern)) : undefined))
    .orderBy(asc(users.name), asc(users.id))
    .limit(DOCTOR_SEARCH_LIMIT);
}

const doctorUser = alias(users, "doctor_user");
const patientUser = alias(users, "patient_user");

const grantColumns = {
  id: recordGrants.id,
  patientId: recordGrants.patientId,
  doctorId: recordGrants.doctorId,
  createdAt: recordGrants.createdAt,
  expiresAt: recordGrants.expiresAt,
  active: sql<boolean>`${grantUnexpired}`,
  doctorName: doctorUser.name,
  specialty: doctorProfiles.specialty,
  patientName: patientUser.name,
};

type GrantRow = {
  id: string;
  patientId: string;
  doctorId: string;
  createdAt: Date;
  expiresAt: Date | null;
  active: boolean;
  doctorName: string;
  specialty: string;
  patientName: string;
};

/** A grant as the API shows it: both parties named, so the same shape serves patients and doctors. */
const grantView = (g: GrantRow) => ({
  id: g.id,
  patientId: g.patientId,
  doctorId: g.doctorId,
  createdAt: g.createdAt,
  expiresAt: g.expiresAt,
  active: Boolean(g.active),
  doctor: { id: g.doctorId, name: g.doctorName, specialty: g.specialty },
  patient: { id: g.patientId, name: g.patientName },
});
export type GrantView = ReturnType<typeof grantView>;

async function selectGrants(where: SQL | undefined) {
  const db = await getDb();
  const rows = await db
    .select(grantColumns)
    .from(recordGrants)
    .innerJoin(doctorUser, eq(doctorUser.id, recordGrants.doctorId))
    .innerJoin(doctorProfiles, eq(doctorProfiles.userId, recordGrants.doctorId))
    .innerJoin(patientUser, eq(patientUser.id, recordGrants.patientId))
    .where(where)
    .orderBy(desc(recordGrants.createdAt), desc(recordGrants.id));
  return rows.map(grantView);
}

/**
 * POST /api/grants. Sharing again with the same doctor replaces the earlier grant (so its end date
 * can be changed): the old one is revoked and a new one made, in one transaction.
 */
export async function createGrant(actor: Actor, patient: User, input: { doctorId: string; expiresAt?: string | null }): Promise<GrantView> {
  if (!UUID.test(input.doctorId)) throw new AppError("DOCTOR_NOT_FOUND");
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    const [doctor] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(doctorProfiles, eq(doctorProfiles.userId, users.id))
      .where(and(eq(users.id, input.doctorId), shareableDoctorWhere));
    if (!doctor) throw new AppError("DOCTOR_NOT_FOUND");
    const replaced = await tx
      .update(recordGrants)
      .set({ revokedAt: sql`now()` })
      .where(and(ownGrantsWhere(patient.id), eq(recordGrants.doctorId, doctor.id), isNull(recordGrants.revokedAt)))
      .returning({ id: recordGrants.id });
    const [grant] = await tx
      .insert(recordGrants)
      .values({ patientId: patient.id, doctorId: doctor.id, expiresAt: input.expiresAt ? new Date(input.expiresAt) : null })
      .returning({ id: recordGrants.id });
    await auditInsert(tx, "grant_created", actor, patient.id, { grantId: grant!.id, expiresAt: input.expiresAt ?? null, replaced: replaced.map((r) => r.id) }, null);
    return grant!.id;
  });
  const [view] = await selectGrants(eq(recordGrants.id, id));
  return view!;
}

/**
 * GET /api/grants: a patient's grants, or for a doctor the grants made to them (with the patient's
 * name). Revoked grants are left out; expired ones stay, marked `active: false`. A doctor is approved by
 * then: the route's contract says `approvedDoctor`.
 */
export async function listGrants(user: User): Promise<GrantView[]> {
  return selectGrants(and(grantsSeenWhere(user), isNull(recordGrants.revokedAt)));
}

/** DELETE /api/grants/{id}: only the patient who granted it; effective from the next request on. */
export async function revokeGrant(actor: Actor, patientId: string, grantId: string): Promise<void> {
  const db = await getDb();
  const [gone] = await db
    .update(recordGrants)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(recordGrants.id, grantId), ownGrantsWhere(patientId), isNull(recordGrants.revokedAt)))
    .returning({ doctorId: recordGrants.doctorId });
  if (!gone) throw notFound();
  await audit("grant_revoked", actor, patientId, { grantId, doctorId: gone.doctorId });
}

export type SharedPatient = { id: string; name: string; grantedAt: Date; expiresAt: Date | null };

/** GET /api/patients: the patients whose grant to this doctor is active right now. */
export async function sharedPatients(doctorId: string): Promise<SharedPatient[]> {
  const db = await getDb();
  return sharedPatientsOf(db).execute({ doctorId });
}

/** Prepared once per database handle: the doctor's home and /patients read it on every visit. */
const sharedPatientsOf = preparedPerHandle(prepareSharedPatients);
function prepareSharedPatients(db: Db) {
  return db
    .select({ id: users.id, name: users.name, grantedAt: recordGrants.createdAt, expiresAt: recordGrants.expiresAt })
    .from(recordGrants)
    .innerJoin(users, eq(users.id, recordGrants.patientId))
    .where(activeGrantWhere(sql.placeholder("doctorId")))
    .orderBy(asc(users.name), asc(users.id))
    .prepare("caregate_shared_patients");
}

/**
 * GET /api/patients/{id}/records: 404 without an active grant; the listing is in the patient's log.
 * `patientId` is a well-formed id by then (the route's `IdParams`).
 */
export async function recordsSharedWith(actor: Actor, doctor: User, patientId: string, query: RecordQuery = {}): Promise<RecordView[]> {
  // Only through a grant: a doctor's own id here is not "their own records" (those are GET /api/records).
  if ((await recordsAccess(await getDb(), doctor, patientId, "list")) !== "grant") throw notFound();
  const list = await listRecords(patientId, query);
  await logDoctorAccess(actor, patientId, doctor, "list", null);
  return list;
}
