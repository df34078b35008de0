import "server-only";
import { and, desc, eq, gte, like, lte, sql } from "drizzle-orm";
import { type Db, getDb } from "@/lib/db/client";
import { preparedPerHandle } from "@/lib/db/prepared";
import { recordBlobs, records } from "@/lib/db/schema";
import type { RecordQuery } from "@/lib/validation/record-metadata";
import { recordColumns, type RecordView } from "./records";
import { foldForSearch } from "./search-text";

/** `%`, `_` and `\\` typed by the patient match themselves, not "anything". */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * GET /api/records and GET /api/patients/{id}/records (docs/RECORDS.md "Finding records"): one
 * patient's records, newest document first — the document's date, or the upload's day where it has
 * none (`sort_date`) — then newest upload. `q` is folded like the stored `search_text` and matched
 * anywhere in title or file name; `from`/`to` are inclusive days on `sort_date`. One index range on
 * (patient, sort_date) serves every combination; the search filters within it.
 */
export async function listRecords(patientId: string, query: RecordQuery = {}): Promise<RecordView[]> {
  const db = await getDb();
  const q = query.q ? foldForSearch(query.q) : "";
  if (!q && !query.category && !query.from && !query.to) return everyRecord(db).execute({ patientId });
  return recordsQuery(db)
    .where(
      and(
        eq(records.patientId, patientId),
        q ? like(records.searchText, `%${likeEscape(q)}%`) : undefined,
        query.category ? eq(records.category, query.category) : undefined,
        query.from ? gte(records.sortDate, query.from) : undefined,
        query.to ? lte(records.sortDate, query.to) : undefined,
      ),
    )
    .orderBy(...NEWEST_FIRST);
}

const NEWEST_FIRST = [desc(records.sortDate), desc(records.createdAt), desc(records.id)];

const recordsQuery = (db: Db) => db.select(recordColumns).from(records).innerJoin(recordBlobs, eq(recordBlobs.id, records.blobId)).$dynamic();

/**
 * The unfiltered list — what the records page and a doctor's view open with — as a statement
 * prepared once per database handle: neither the query builder nor the planner runs per request.
 */
const everyRecord = preparedPerHandle(prepareEveryRecord);
function prepareEveryRecord(db: Db) {
  return recordsQuery(db)
    .where(eq(records.patientId, sql.placeholder("patientId")))
    .orderBy(...NEWEST_FIRST)
    .prepare("caregate_records_list");
}
