import "server-only";
import { and, asc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db/client";
import { doctorProfiles, passkeys, recordBlobs, recordGrants, records, securityEvents, type User, users } from "@/lib/db/schema";
import { loadPublicUser } from "@/lib/auth/users";
import { factorSummary } from "@/lib/auth/mfa/state";
import { listSessions } from "@/lib/auth/flows/sessions";
import type { RecordType } from "@/lib/records/detect";
import { downloadName } from "@/lib/records/filename";
import { ownRecordsWhere } from "@/lib/records/policy";

/**
 * What an export holds (docs/PRIVACY.md "Export"), read in a few short statements — never one
 * transaction: on PGlite a transaction holds the only connection. The file bytes are not read
 * here; the zip pulls them one at a time as the client downloads.
 */

export type ExportRecord = {
  id: string;
  title: string;
  filename: string;
  contentType: RecordType;
  category: string;
  /** The date the document itself bears (ISO date), when the owner gave one. */
  documentDate: string | null;
  size: number;
  createdAt: Date;
  sha256: string;
  /** Where the file is inside the zip. */
  path: string;
  blobId: string;
};

export type ExportGrant = {
  id: string;
  patient: { id: string; name: string };
  doctor: { id: string; name: string; specialty: string | null };
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export type ExportRead = { id: number; at: Date; doctor: { id: string | null; name: string }; patient: { id: string | null; name: string | null }; recordId: string | null; action: string };

export type ExportData = Awaited<ReturnType<typeof collectExport>>;

const doctorUser = alias(users, "doctor_user");
const patientUser = alias(users, "patient_user");

export async function collectExport(user: User, sessionId: string) {
  const db = await getDb();
  const isDoctor = user.role === "doctor";
  const publicUser = await loadPublicUser(db, user);
  const [profile] = isDoctor ? await db.select().from(doctorProfiles).where(eq(doctorProfiles.userId, user.id)) : [];
  const factors = await factorSummary(db, user.id);
  const keys = await db
    .select({ name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, user.id))
    .orderBy(asc(passkeys.createdAt));
  const account = {
    user: publicUser,
    doctorProfile: profile
      ? { specialty: profile.specialty, licenseNumber: profile.licenseNumber, approval: profile.approval, decidedAt: profile.decidedAt, rejectionReason: profile.rejectionReason }
      : null,
    sessions: (await listSessions(user.id, sessionId)).map((s) => ({ createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, ip: s.ip, userAgent: s.userAgent, current: s.current })),
    passkeys: keys,
    authenticatorApp: factors.totp,
    recoveryCodesLeft: factors.recoveryCodesLeft,
  };

  // A doctor's export never holds a patient's files: only the records the account owns.
  const rows = await db
    .select({
      id: records.id,
      title: records.title,
      filename: records.filename,
      contentType: records.contentType,
      category: records.category,
      documentDate: records.documentDate,
      createdAt: records.createdAt,
      size: recordBlobs.size,
      sha256: recordBlobs.sha256,
      blobId: records.blobId,
    })
    .from(records)
    .innerJoin(recordBlobs, eq(recordBlobs.id, records.blobId))
    .where(and(ownRecordsWhere(user.id), eq(recordBlobs.state, "stored")))
    .orderBy(asc(records.createdAt), asc(records.id));
  const width = String(rows.length).length;
  const recordList: ExportRecord[] = rows.map((r, i) => ({
    ...r,
    sha256: r.sha256 ?? "",
    path: `records/${String(i + 1).padStart(Math.max(3, width), "0")}-${zipSafe(downloadName(r.filename, r.contentType))}`,
  }));

  const grants: ExportGrant[] = (
    await db
      .select({
        id: recordGrants.id,
        patientId: recordGrants.patientId,
        patientName: patientUser.name,
        doctorId: recordGrants.doctorId,
        doctorName: doctorUser.name,
        specialty: doctorProfiles.specialty,
        createdAt: recordGrants.createdAt,
        expiresAt: recordGrants.expiresAt,
        revokedAt: recordGrants.revokedAt,
      })
      .from(recordGrants)
      .innerJoin(patientUser, eq(patientUser.id, recordGrants.patientId))
      .innerJoin(doctorUser, eq(doctorUser.id, recordGrants.doctorId))
      .leftJoin(doctorProfiles, eq(doctorProfiles.userId, recordGrants.doctorId))
      .where(or(eq(recordGrants.patientId, user.id), eq(recordGrants.doctorId, user.id)))
      .orderBy(asc(recordGrants.createdAt), asc(recordGrants.id))
  ).map((g) => ({
    id: g.id,
    patient: { id: g.patientId, name: g.patientName },
    doctor: { id: g.doctorId, name: g.doctorName, specialty: g.specialty },
    createdAt: g.createdAt,
    expiresAt: g.expiresAt,
    revokedAt: g.revokedAt,
  }));

  // Doctors' reads of this account's records; for a doctor, the reads they made.
  const readRows = await db
    .select({
      id: securityEvents.id,
      at: securityEvents.createdAt,
      userId: securityEvents.userId,
      actorId: securityEvents.actorId,
      detail: securityEvents.detail,
      doctorName: doctorUser.name,
      patientName: patientUser.name,
    })
    .from(securityEvents)
    .leftJoin(doctorUser, eq(doctorUser.id, securityEvents.actorId))
    .leftJoin(patientUser, eq(patientUser.id, securityEvents.userId))
    .where(and(eq(securityEvents.type, "record_accessed"), isDoctor ? eq(securityEvents.actorId, user.id) : eq(securityEvents.userId, user.id)))
    .orderBy(asc(securityEvents.createdAt), asc(securityEvents.id));
  const reads: ExportRead[] = readRows.map((r) => {
    const d = (r.detail ?? {}) as { recordId?: string | null; action?: string; doctorName?: string };
    return {
      id: r.id,
      at: r.at,
      doctor: { id: r.actorId, name: r.doctorName ?? d.doctorName ?? "" },
      patient: { id: r.userId, name: r.patientName },
      recordId: d.recordId ?? null,
      action: d.action ?? "view",
    };
  });

  const events = await db
    .select({
      type: securityEvents.type,
      createdAt: securityEvents.createdAt,
      ip: securityEvents.ip,
      userAgent: securityEvents.userAgent,
      byAnotherAccount: securityEvents.actorId,
      detail: securityEvents.detail,
    })
    .from(securityEvents)
    .where(eq(securityEvents.userId, user.id))
    .orderBy(asc(securityEvents.createdAt), asc(securityEvents.id));

  return { exportedAt: new Date(), user, account, records: recordList, grants, reads, events };
}

/**
 * A zip entry name: no directory parts, no control characters, and no spaces, since the same path
 * is the FHIR attachment's `url`, which may not contain whitespace.
 */
function zipSafe(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|\s]+/g, "_").replace(/^\.+/, "_").slice(0, 120);
}
