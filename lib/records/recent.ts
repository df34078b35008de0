import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { doctorProfiles, recordBlobs, recordGrants, records, securityEvents, users } from "@/lib/db/schema";
import type { AccessAction } from "./access";
import { activeGrantWhere, grantUnexpired, ownGrantsWhere, ownRecordsWhere } from "./policy";
import { recordColumns, type RecordView } from "./records";

/**
 * Short reads for the home page (/dashboard): the few newest items of what the records, sharing and
 * patients pages list in full, each one statement (the home runs them side by side), with the total
 * where the home says "N records" — counted in the same statement by a window over the matches.
 */

/** A patient's newest records (the list's order: document date, then upload) and how many there are. */
export async function latestRecords(patientId: string, limit = 5): Promise<{ records: RecordView[]; total: number }> {
  const db = await getDb();
  const rows = await db
    .select({ ...recordColumns, total: sql<number>`count(*) over ()::int` })
    .from(records)
    .innerJoin(recordBlobs, eq(recordBlobs.id, records.blobId))
    .where(ownRecordsWhere(patientId))
    .orderBy(desc(records.sortDate), desc(records.createdAt), desc(records.id))
    .limit(limit);
  return { records: rows.map(({ total, ...r }) => (void total, r)), total: Number(rows[0]?.total ?? 0) };
}

export type RecentView = { at: Date; doctorName: string; action: AccessAction; recordId: string | null; recordTitle: string | null };

/**
 * The newest doctors' reads of a patient's records (the access log's first lines), with the title of
 * each record read. The titles come in a second statement by id: a join on the event's JSON detail
 * could not use the records' primary key.
 */
export async function recentViews(patientId: string, limit = 5): Promise<RecentView[]> {
  const db = await getDb();
  const events = await db
    .select({ at: securityEvents.createdAt, name: users.name, detail: securityEvents.detail })
    .from(securityEvents)
    .leftJoin(users, eq(users.id, securityEvents.actorId))
    .where(and(eq(securityEvents.userId, patientId), eq(securityEvents.type, "record_accessed")))
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(limit);
  const views = events.map((e) => {
    const detail = (e.detail ?? {}) as { recordId?: string | null; action?: AccessAction; doctorName?: string };
    return { at: e.at, doctorName: e.name ?? detail.doctorName ?? "", action: detail.action ?? "view", recordId: detail.recordId ?? null };
  });
  const ids = [...new Set(views.flatMap((v) => (v.recordId ? [v.recordId] : [])))];
  const titles = ids.length
    ? await db.select({ id: records.id, title: records.title }).from(records).where(and(eq(records.patientId, patientId), inArray(records.id, ids)))
    : [];
  const titleOf = new Map(titles.map((r) => [r.id, r.title]));
  return views.map((v) => ({ ...v, recordTitle: v.recordId ? (titleOf.get(v.recordId) ?? null) : null }));
}

export type ActiveShare = { id: string; doctorName: string; specialty: string; createdAt: Date; expiresAt: Date | null };

/** A patient's shares that are in force now (not revoked, not ended, the doctor still approved), ending soonest first. */
export async function activeShares(patientId: string): Promise<ActiveShare[]> {
  const db = await getDb();
  return db
    .select({
      id: recordGrants.id,
      doctorName: users.name,
      specialty: doctorProfiles.specialty,
      createdAt: recordGrants.createdAt,
      expiresAt: recordGrants.expiresAt,
    })
    .from(recordGrants)
    .innerJoin(users, eq(users.id, recordGrants.doctorId))
    .innerJoin(doctorProfiles, eq(doctorProfiles.userId, recordGrants.doctorId))
    .where(
      and(
        ownGrantsWhere(patientId),
        isNull(recordGrants.revokedAt),
        grantUnexpired,
        // The doctor still approved: what makes a grant active (lib/records/policy.ts activeGrantWhere).
        eq(doctorProfiles.approval, "approved"),
      ),
    )
    .orderBy(sql`${recordGrants.expiresAt} asc nulls last`, desc(recordGrants.createdAt), desc(recordGrants.id));
}

export type RecentPatient = { id: string; name: string; grantedAt: Date; expiresAt: Date | null };

/** The patients whose share with this doctor is active, most recently shared first, and how many there are. */
export async function recentlySharedPatients(doctorId: string, limit = 5): Promise<{ patients: RecentPatient[]; total: number }> {
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      grantedAt: recordGrants.createdAt,
      expiresAt: recordGrants.expiresAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(recordGrants)
    .innerJoin(users, eq(users.id, recordGrants.patientId))
    .where(activeGrantWhere(doctorId))
    .orderBy(desc(recordGrants.createdAt), desc(recordGrants.id))
    .limit(limit);
  return { patients: rows.map(({ total, ...p }) => (void total, p)), total: Number(rows[0]?.total ?? 0) };
}
