import "server-only";
import { Readable } from "node:stream";
import type { Actor } from "@/lib/http/actor";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { recordThumbnails } from "@/lib/db/schema";
import { notFound } from "@/lib/http/app-error";
import { log } from "@/lib/log";
import { previewHeaders } from "@/lib/runtime/response-headers.mjs";
import type { User } from "@/lib/db/schema";
import { readableRecord } from "./access";
import { blobStore } from "./blob-store";
import type { RecordType } from "./detect";
import { attachmentDisposition, downloadName } from "./filename";
import { makePreview } from "./previews";
import { findRecord } from "./records";

/**
 * Record previews (docs/RECORDS.md "Thumbnails"): made once, after the upload has been answered,
 * from the stored bytes, one at a time in this process, and kept in `record_thumbnails`. A record
 * without a row yet (its process stopped first, or it predates previews) is queued when its preview
 * is first asked for; a row without data means none can be made, and is not retried.
 */

const queued = new Set<string>();
let chain: Promise<void> = Promise.resolve();

export function queueThumbnail(recordId: string): void {
  if (queued.has(recordId)) return;
  queued.add(recordId);
  chain = chain
    // A later turn of the event loop: the upload's (or the GET's) answer is written first, and the
    // preview is never part of the request that queued it.
    .then(() => new Promise((resolve) => setImmediate(resolve)))
    .then(() => makeAndStore(recordId))
    .catch((err) => log.warn({ err, recordId }, "could not store a record preview"))
    .finally(() => queued.delete(recordId));
}

/** Resolves when every queued preview is done (tests, and a clean shutdown). */
export const thumbnailsIdle = async () => {
  while (queued.size > 0) await chain;
};

async function makeAndStore(recordId: string): Promise<void> {
  const record = await findRecord(recordId);
  if (!record) return; // deleted meanwhile
  const stream = await blobStore.read(record.blobId);
  if (!stream) return;
  const stored = Readable.fromWeb(stream as import("node:stream/web").ReadableStream<Uint8Array>);
  const preview = await makePreview(stored, record.contentType as RecordType);
  const db = await getDb();
  // In as binary bytea, out as base64, like the blob store (lib/records/blob-store.ts says why).
  await db
    .insert(recordThumbnails)
    .values({
      recordId,
      contentType: preview ? "image/jpeg" : null,
      data: preview?.data ?? null,
      width: preview?.width ?? null,
      height: preview?.height ?? null,
    })
    .onConflictDoNothing()
    .catch((e: unknown) => {
      // The record was deleted between the read and this insert: nothing to keep.
      // drizzle wraps the driver's error: the foreign-key violation (23503) is its cause.
      const code = (e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
      if (code !== "23503" && !/foreign key/i.test(String((e as Error).message))) throw e;
    });
}

/**
 * GET /api/records/{id}/thumbnail: the owner's or a granted doctor's (audited as a view, like
 * GET /api/records/{id}); the same inert headers as the file (lib/runtime/response-headers.mjs).
 * 404 when there is no preview.
 */
export async function thumbnailResponse(actor: Actor, user: User, id: string): Promise<Response> {
  const record = await readableRecord(actor, user, id, "preview");
  const db = await getDb();
  const [row] = await db
    .select({ data: sql<string | null>`encode(${recordThumbnails.data}, 'base64')` })
    .from(recordThumbnails)
    .where(eq(recordThumbnails.recordId, record.id));
  if (!row) queueThumbnail(record.id);
  if (!row?.data) throw notFound();
  const bytes = Buffer.from(row.data, "base64");
  const name = downloadName(record.filename, record.contentType as RecordType).replace(/\.[a-z]+$/i, "") + "-preview.jpg";
  const headers = previewHeaders({ contentType: "image/jpeg", size: bytes.byteLength, disposition: attachmentDisposition(name) });
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
