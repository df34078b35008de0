import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, desc, eq } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { securityEvents, type User, users } from "@/lib/db/schema";
import { notFound } from "@/lib/http/app-error";
import { withRecordViewedNotice } from "@/lib/notifications/record-viewed";
import { recordsAccess } from "./policy";
import { findRecord, type FoundRecord, type RecordView, recordView } from "./records";

/**
 * Reading a record, decided from the database on every request by the records policy (./policy.ts):
 * its owner, or a doctor holding an active grant from the owner. Everyone else gets 404, as if the
 * record did not exist. Every doctor's read is written to the audit trail, which is the patient's
 * access log.
 */

export type AccessAction = "view" | "download" | "list";

/**
 * The record if `user` may read it; a doctor's read is audited (before the response, like every
 * event). A preview is logged as a view: to the patient it is one (docs/DECISIONS.md "The access log").
 */
export async function readableRecord(actor: Actor, user: User, id: string, action: "view" | "download" | "preview"): Promise<FoundRecord> {
  const record = await findRecord(id);
  if (!record) throw notFound();
  const access = await recordsAccess(await getDb(), user, record.patientId, action);
  if (!access) throw notFound();
  if (access === "grant") await logDoctorAccess(actor, record.patientId, user, action === "preview" ? "view" : action, record.id);
  return record;
}

/** GET /api/records/{id}: the record's metadata, for its owner or a doctor with a grant (audited as "view"). */
export async function viewRecord(actor: Actor, user: User, id: string): Promise<RecordView> {
  return recordView(await readableRecord(actor, user, id, "view"));
}

/**
 * One access-log entry: `userId` is the patient, `actorId` the doctor. The doctor's name is kept
 * too, so the patient's log still says who looked after that doctor's account is deleted. The
 * patient's "record viewed" email rides in the same statement (docs/NOTIFICATIONS.md "Record viewed").
 */
export async function logDoctorAccess(actor: Actor, patientId: string, doctor: User, action: AccessAction, recordId: string | null) {
  const db = await getDb();
  const logged = auditInsert(db, "record_accessed", actor, patientId, { recordId, action, doctorName: doctor.name }, doctor.id).getSQL();
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
