import "server-only";
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { type Db, getDb } from "@/lib/db/client";
import { doctorProfiles, recordGrants, securityEvents, type User, users } from "@/lib/db/schema";
import { notFound } from "@/lib/http/app-error";
import { withRecordViewedNotice } from "@/lib/notifications/record-viewed";
import { findRecord, type FoundRecord, type RecordView, recordView } from "./records";

/**
 * Who may read a record, decided from the database on every request (docs/RULES.md "API: records
 * and sharing"): its owner, or a doctor holding an active grant from the owner. Everyone else gets
 * 404, as if the record did not exist. Every doctor's read is written to the audit trail, which is
 * the patient's access log.
 */

export type AccessAction = "view" | "download" | "list";

/** Not revoked, not expired, and the doctor still approved: all three, now. */
export function activeGrantWhere(doctorId: string, patientId?: string) {
  return and(
    patientId === undefined ? undefined : eq(recordGrants.patientId, patientId),
    eq(recordGrants.doctorId, doctorId),
    isNull(recordGrants.revokedAt),
    or(isNull(recordGrants.expiresAt), gt(recordGrants.expiresAt, sql`now()`)),
    sql`exists (select 1 from ${doctorProfiles} where ${doctorProfiles.userId} = ${recordGrants.doctorId} and ${doctorProfiles.approval} = 'approved')`,
  );
}

export async function hasActiveGrant(db: Db, patientId: string, doctorId: string): Promise<boolean> {
  const [row] = await db.select({ id: recordGrants.id }).from(recordGrants).where(activeGrantWhere(doctorId, patientId)).limit(1);
  return Boolean(row);
}

/** The record if `user` may read it; a doctor's read is audited (before the response, like every event). */
export async function readableRecord(request: Request, user: User, id: string, action: Exclude<AccessAction, "list">): Promise<FoundRecord> {
  const record = await findRecord(id);
  if (!record) throw notFound();
  if (record.patientId === user.id) return record;
  if (user.role !== "doctor" || !(await hasActiveGrant(await getDb(), record.patientId, user.id))) throw notFound();
  await logDoctorAccess(request, record.patientId, user, action, record.id);
  return record;
}

/** GET /api/records/{id}: the record's metadata, for its owner or a doctor with a grant (audited as "view"). */
export async function viewRecord(request: Request, user: User, id: string): Promise<RecordView> {
  return recordView(await readableRecord(request, user, id, "view"));
}

/**
 * One access-log entry: `userId` is the patient, `actorId` the doctor. The doctor's name is kept
 * too, so the patient's log still says who looked after that doctor's account is deleted. The
 * patient's "record viewed" email rides in the same statement (docs/NOTIFICATIONS.md "Record viewed").
 */
export async function logDoctorAccess(request: Request, patientId: string, doctor: User, action: AccessAction, recordId: string | null) {
  const db = await getDb();
  const logged = auditInsert(db, "record_accessed", request, patientId, { recordId, action, doctorName: doctor.name }, doctor.id).getSQL();
  await db.execute(withRecordViewedNotice(logged, patientId, doctor));
}

export type AccessEvent = { at: Date; doctor: { id: string | null; name: string }; recordId: string | null; action: AccessAction };

/** How many entries GET /api/records/access-log returns (newest first). */
const ACCESS_LOG_LIMIT = 500;

/** GET /api/records/access-log: doctors' reads of this patient's records, newest first. */
export async function accessLog(patientId: string): Promise<AccessEvent[]> {
  const db = await getDb();
  const rows = await db
    .select({ at: securityEvents.createdAt, actorId: securityEvents.actorId, name: users.name, detail: securityEvents.detail })
    .from(securityEvents)
    .leftJoin(users, eq(users.id, securityEvents.actorId))
    .where(and(eq(securityEvents.userId, patientId), eq(securityEvents.type, "record_accessed")))
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(ACCESS_LOG_LIMIT);
  return rows.map((r) => {
    const detail = (r.detail ?? {}) as { recordId?: string | null; action?: AccessAction; doctorName?: string };
    return {
      at: r.at,
      doctor: { id: r.actorId, name: r.name ?? detail.doctorName ?? "" },
      recordId: detail.recordId ?? null,
      action: detail.action ?? "view",
    };
  });
}
