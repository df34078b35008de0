import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, count, eq } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { config } from "@/lib/config";
import { type Db, getDb } from "@/lib/db/client";
import { recordBlobs, records, type User, users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/http/app-error";
import { blobStore } from "./blob-store";
import { defaultTitle, sanitizeFilename } from "./filename";
import { receiveUpload, type UploadBody } from "./multipart";
import { ownRecordsWhere } from "./policy";
import { openUploadScan } from "./scan";
import { queueThumbnail } from "./thumbnails";
import { recordSearchText } from "./search-text";
import type { RecordCategory } from "@/lib/validation/record-categories";

/** A record as the API shows it (docs/RULES.md "API: records and sharing"). */
export type RecordView = {
  id: string;
  title: string;
  filename: string;
  contentType: string;
  size: number;
  category: RecordCategory;
  documentDate: string | null;
  createdAt: Date;
};

/** The columns of a RecordView (records joined with their blob). */
export const recordColumns = {
  id: records.id,
  title: records.title,
  filename: records.filename,
  contentType: records.contentType,
  size: recordBlobs.size,
  category: records.category,
  documentDate: records.documentDate,
  createdAt: records.createdAt,
};

/** The upload limits the pages show before a file is chosen (the server enforces them regardless). */
export function uploadLimits() {
  const cfg = config();
  return { maxBytes: cfg.RECORD_MAX_BYTES, maxRecords: cfg.RECORDS_PER_PATIENT };
}

const limitReached = () =>
  new AppError("RECORD_LIMIT_REACHED", {
    message: `You have ${config().RECORDS_PER_PATIENT} records, the most you can keep. Delete one to upload another.`,
  });

async function recordCount(db: Db, patientId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(records).where(eq(records.patientId, patientId));
  return row!.n;
}

/**
 * POST /api/records. The bytes stream into a pending blob; then one short transaction decides the
 * per-patient limit and creates the record. The limit is decided there, under a lock on the
 * patient's row, so parallel uploads cannot pass it together; the early count only spares a
 * patient at the limit from sending a whole file first. With a scanner configured, the record is
 * created only once clamd has called the stored bytes clean (./scan.ts); the preview is made
 * afterwards, in the background (./thumbnails.ts).
 */
export async function uploadRecord(actor: Actor, patient: User, body: UploadBody): Promise<RecordView> {
  const db = await getDb();
  const limit = config().RECORDS_PER_PATIENT;
  if ((await recordCount(db, patient.id)) >= limit) throw limitReached();

  const scan = await openUploadScan(); // 503 before a byte is read when the scanner is down
  let upload;
  try {
    upload = await receiveUpload(body, { ownerId: patient.id, maxBytes: config().RECORD_MAX_BYTES, store: blobStore, tap: scan?.tap });
  } catch (e) {
    scan?.close();
    throw e;
  }
  const filename = sanitizeFilename(upload.filename);
  try {
    await scan?.check(actor, patient.id, { filename, size: upload.blob.size });
    const view = await db.transaction(async (tx) => {
      // FOR NO KEY UPDATE serialises this patient's uploads without blocking sign-ins (which only
      // take KEY SHARE locks on the row through their foreign keys).
      await tx.select({ id: users.id }).from(users).where(eq(users.id, patient.id)).for("no key update");
      if ((await recordCount(tx, patient.id)) >= limit) throw limitReached();
      await blobStore.commit(tx, upload.blob.id);
      const title = upload.title || defaultTitle(filename);
      const [row] = await tx
        .insert(records)
        .values({
          patientId: patient.id,
          blobId: upload.blob.id,
          title,
          filename,
          contentType: upload.type,
          category: upload.category,
          documentDate: upload.documentDate,
          searchText: recordSearchText(title, filename),
        })
        .returning();
      await auditInsert(tx, "record_uploaded", actor, patient.id, { recordId: row!.id, contentType: upload.type, size: upload.blob.size });
      return { ...pick(row!), size: upload.blob.size };
    });
    queueThumbnail(view.id);
    return view;
  } catch (e) {
    await blobStore.delete(upload.blob.id).catch((err) => console.error("[caregate] could not delete a refused upload's blob", err));
    throw e;
  } finally {
    scan?.close();
  }
}

const pick = (r: typeof records.$inferSelect) => ({
  id: r.id,
  title: r.title,
  filename: r.filename,
  contentType: r.contentType,
  category: r.category,
  documentDate: r.documentDate,
  createdAt: r.createdAt,
});

/** One record with its owner and blob, whoever asks (callers decide access first: lib/records/access.ts). */
export async function findRecord(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({ ...recordColumns, patientId: records.patientId, blobId: records.blobId, sha256: recordBlobs.sha256 })
    .from(records)
    .innerJoin(recordBlobs, eq(recordBlobs.id, records.blobId))
    .where(eq(records.id, id));
  return row ?? null;
}

export type FoundRecord = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

export const recordView = (r: FoundRecord): RecordView => ({
  id: r.id,
  title: r.title,
  filename: r.filename,
  contentType: r.contentType,
  size: r.size,
  category: r.category,
  documentDate: r.documentDate,
  createdAt: r.createdAt,
});

/** DELETE /api/records/{id}: the owner only; the record and its bytes go in one transaction. */
export async function deleteRecord(actor: Actor, patientId: string, id: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(records)
      .where(and(eq(records.id, id), ownRecordsWhere(patientId)))
      .returning({ blobId: records.blobId });
    if (!gone) throw notFound();
    await blobStore.delete(gone.blobId, tx);
    await auditInsert(tx, "record_deleted", actor, patientId, { recordId: id });
  });
}
