import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, eq } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { records } from "@/lib/db/schema";
import { notFound } from "@/lib/http/app-error";
import type { RecordPatch } from "@/lib/validation/record-metadata";
import { ownRecordsWhere } from "./policy";
import { findRecord, type RecordView, recordView } from "./records";
import { recordSearchText } from "./search-text";

/**
 * PATCH /api/records/{id}: the owner renames, re-categorises or re-dates a record (docs/RECORDS.md
 * "Finding records"). Anyone else's record is 404, as everywhere; doctors never reach this (the route
 * admits patients only). The search column follows the title in the same statement.
 */
export async function updateRecord(actor: Actor, patientId: string, id: string, patch: RecordPatch): Promise<RecordView> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ title: records.title, filename: records.filename })
      .from(records)
      .where(and(eq(records.id, id), ownRecordsWhere(patientId)))
      .for("update");
    if (!current) throw notFound();
    const title = patch.title ?? current.title;
    await tx
      .update(records)
      .set({
        title,
        searchText: recordSearchText(title, current.filename),
        ...(patch.category !== undefined ? { category: patch.category } : {}),
        ...(patch.documentDate !== undefined ? { documentDate: patch.documentDate } : {}),
      })
      .where(eq(records.id, id));
    await auditInsert(tx, "record_updated", actor, patientId, { recordId: id, changed: Object.keys(patch) });
  });
  const row = await findRecord(id);
  if (!row) throw notFound(); // deleted in between
  return recordView(row);
}
