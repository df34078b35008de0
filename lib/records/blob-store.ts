import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { type Db, getDb } from "@/lib/db/client";
import { recordBlobs, recordChunks } from "@/lib/db/schema";

/**
 * Where record bytes live, behind the few operations records need (docs/RECORDS.md). One driver
 * today: PostgreSQL, the bytes in 256 KiB `bytea` rows beside their metadata, so a record, its
 * bytes and its grants share transactions, every app instance and one backup.
 *
 * Both directions stream one chunk at a time: a write holds at most one chunk in memory, a read
 * fetches the next chunk only when the response wants more. Memory per transfer is a few chunks,
 * whatever the file size.
 */

/** Large enough that a 10 MiB file is 40 rows, small enough that a chunk is a cheap statement. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * A pending blob this old belongs to an upload whose process died (a failed upload deletes its own);
 * the retention job removes it (lib/ops/retention.ts). Far above any real upload's duration.
 */
export const ABANDONED_UPLOAD_SECONDS = 3600;

export type StoredBlob = { id: string; size: number; sha256: string };
/** Inclusive byte offsets, as in an HTTP Range header. */
export type ByteRange = { start: number; end: number };
export type BlobInfo = { size: number; sha256: string };

export interface BlobStore {
  /**
   * Streams `source` into a new *pending* blob. On any failure — the source throws, the signal
   * aborts, the database refuses — the blob is deleted before the promise rejects.
   */
  put(source: AsyncIterable<Uint8Array>, options: { ownerId: string; signal?: AbortSignal }): Promise<StoredBlob>;
  /** Makes a pending blob permanent inside the caller's transaction (the one that creates its record). */
  commit(tx: Db, id: string): Promise<void>;
  /** Size and digest of a stored blob, or null. */
  info(id: string): Promise<BlobInfo | null>;
  /**
   * The bytes of a stored blob (or one range of them) as a stream. A whole-file read is checked
   * against the stored SHA-256: on a mismatch the stream errors before its last bytes, so a
   * corrupted file never arrives complete.
   */
  read(id: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  /** Deletes a blob, inside the caller's transaction when given one. */
  delete(id: string, tx?: Db): Promise<void>;
  /** Deletes pending blobs older than `seconds`: uploads whose process died before cleaning up. */
  sweepPending(seconds: number, tx?: Db): Promise<number>;
}

/**
 * Bytes go into the database as a binary bytea parameter, one statement per chunk row: node-postgres
 * sends a Buffer in binary, and PGlite does with the serializer lib/db/client.ts installs. The driver
 * copies the chunk into its Bind message, with no text form on the way. They come out as base64 text
 * in 64 KiB pieces (four columns per chunk row), decoded and encoded by PostgreSQL itself: PGlite
 * parses a bytea result in a JavaScript loop (a 256 KiB chunk ≈ 3× slower to read that way), and a
 * whole chunk's base64 (350 KB) would be above V8's 128 KiB limit for ordinary heap objects, where
 * 87 KB strings die young (docs/PERFORMANCE.md "Uploads and downloads").
 */
const PIECE_BYTES = 64 * 1024;
const PIECES = CHUNK_BYTES / PIECE_BYTES;
/** Chunk rows per read statement: 1 MiB. */
const READ_BATCH = 4;

/** The pieces of one chunk row as base64 columns p0…p3 (empty past the end of a short last chunk). */
const pieceColumns = Object.fromEntries(
  Array.from({ length: PIECES }, (_, i) => [
    `p${i}`,
    sql<string>`encode(substring(${recordChunks.data} from ${sql.raw(String(i * PIECE_BYTES + 1))} for ${sql.raw(String(PIECE_BYTES))}), 'base64')`,
  ]),
) as Record<string, SQL<string>>;

export const postgresBlobStore: BlobStore = {
  async put(source, { ownerId, signal }) {
    const db = await getDb();
    const [blob] = await db.insert(recordBlobs).values({ ownerId, chunkSize: CHUNK_BYTES }).returning({ id: recordBlobs.id });
    const id = blob!.id;
    const hash = createHash("sha256");
    let size = 0;
    let seq = 0;
    // One buffer per upload, refilled after each insert (the insert has encoded it by then).
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let fill = 0;
    // Each chunk is its own short statement, never one long transaction: on PGlite a transaction
    // holds the only connection, and a slow client would stall every other request.
    const flush = async () => {
      await db.insert(recordChunks).values({ blobId: id, seq: seq++, data: chunk.subarray(0, fill) });
      fill = 0;
    };
    try {
      for await (const piece of source) {
        signal?.throwIfAborted();
        hash.update(piece);
        size += piece.byteLength;
        for (let offset = 0; offset < piece.byteLength; ) {
          const n = Math.min(CHUNK_BYTES - fill, piece.byteLength - offset);
          chunk.set(piece.subarray(offset, offset + n), fill);
          fill += n;
          offset += n;
          if (fill === CHUNK_BYTES) await flush();
        }
      }
      if (fill > 0) await flush();
      signal?.throwIfAborted();
      const sha256 = hash.digest("hex");
      await db.update(recordBlobs).set({ size, sha256 }).where(eq(recordBlobs.id, id));
      return { id, size, sha256 };
    } catch (e) {
      // The chunks go with the blob (ON DELETE CASCADE). If even this fails, sweepPending removes it later.
      await postgresBlobStore.delete(id).catch((err) => console.error("[caregate] could not delete a failed upload's blob", id, err));
      throw e;
    }
  },

  async commit(tx, id) {
    const done = await tx
      .update(recordBlobs)
      .set({ state: "stored" })
      .where(and(eq(recordBlobs.id, id), eq(recordBlobs.state, "pending")))
      .returning({ id: recordBlobs.id });
    if (done.length !== 1) throw new Error(`blob ${id} is not pending (swept while its upload ran?)`);
  },

  async info(id) {
    const db = await getDb();
    const [blob] = await db
      .select({ size: recordBlobs.size, sha256: recordBlobs.sha256 })
      .from(recordBlobs)
      .where(and(eq(recordBlobs.id, id), eq(recordBlobs.state, "stored")));
    return blob?.sha256 ? { size: blob.size, sha256: blob.sha256 } : null;
  },

  async read(id, range) {
    const db = await getDb();
    const [blob] = await db
      .select({ size: recordBlobs.size, sha256: recordBlobs.sha256, chunkSize: recordBlobs.chunkSize })
      .from(recordBlobs)
      .where(and(eq(recordBlobs.id, id), eq(recordBlobs.state, "stored")));
    if (!blob?.sha256) return null;
    const { size, chunkSize, sha256 } = blob;
    const start = range?.start ?? 0;
    const end = range?.end ?? size - 1;
    if (size === 0 || start > end) return new ReadableStream({ start: (c) => c.close() });
    // A part of the file cannot be checked against the whole file's digest; whole reads are.
    const hash = start === 0 && end === size - 1 ? createHash("sha256") : null;
    const first = Math.floor(start / chunkSize);
    const last = Math.floor(end / chunkSize);
    let seq = first;
    // Chunks are fetched READ_BATCH rows per statement, and the next batch is asked for as soon as
    // one arrives: while the consumer takes these bytes the database is already reading and encoding
    // the next ones (on PostgreSQL in its own process, so both cores work), and a 500 MB export is
    // 500 round trips instead of 2,000 (docs/PERFORMANCE.md "Data export"). Memory: two batches.
    const fetchBatch = (from: number) => {
      const batch = db
        .select({ ...pieceColumns, seq: recordChunks.seq, length: sql<number>`octet_length(${recordChunks.data})` })
        .from(recordChunks)
        .where(and(eq(recordChunks.blobId, id), gte(recordChunks.seq, from), lte(recordChunks.seq, Math.min(from + READ_BATCH - 1, last))))
        .orderBy(recordChunks.seq)
        .execute(); // once: awaiting a query builder again would run it again
      batch.catch(() => {}); // a failure is seen (and thrown) by the pull that awaits it
      return batch;
    };
    let requested = first;
    const nextBatch = () => {
      if (requested > last) return null;
      const batch = fetchBatch(requested);
      requested += READ_BATCH;
      return batch;
    };
    let ahead = nextBatch();
    let rows: Awaited<ReturnType<typeof fetchBatch>> = [];

    return new ReadableStream<Uint8Array>({
      // Called only when the consumer wants more: at most one batch past the current one is fetched.
      async pull(controller) {
        if (rows.length === 0 && ahead) {
          rows = await ahead;
          ahead = nextBatch();
        }
        const got = rows.shift();
        const row = got?.seq === seq ? got : undefined;
        const expected = Math.min(chunkSize, size - seq * chunkSize);
        if (!row || Number(row.length) !== expected) {
          // Deleted while being read, or damaged: end the response short rather than send wrong bytes.
          controller.error(new Error(`blob ${id}: chunk ${seq} is ${row ? "the wrong size" : "missing"}`));
          ahead = null;
          return;
        }
        // The pieces decoded straight into one buffer, sent as one write: each write costs its way
        // through the response's stream layers, so 64 KiB ones made the export slower.
        const bytes = Buffer.allocUnsafe(expected);
        for (let i = 0; i * PIECE_BYTES < expected; i++) bytes.write((row as unknown as Record<string, string>)[`p${i}`]!, i * PIECE_BYTES, "base64");
        hash?.update(bytes);
        if (seq === last && hash && hash.digest("hex") !== sha256) {
          console.error(`[caregate] blob ${id}: SHA-256 mismatch on download; the response was cut short`);
          controller.error(new Error(`blob ${id}: checksum mismatch`));
          return;
        }
        // This chunk's wanted bytes, [from, to).
        const from = seq === first ? start - seq * chunkSize : 0;
        const to = seq === last ? end - seq * chunkSize + 1 : expected;
        controller.enqueue(from === 0 && to === expected ? bytes : bytes.subarray(from, to));
        if (seq === last) controller.close();
        else seq++;
      },
    });
  },

  async delete(id, tx) {
    const db = tx ?? (await getDb());
    await db.delete(recordBlobs).where(eq(recordBlobs.id, id));
  },

  async sweepPending(seconds, tx) {
    const db = tx ?? (await getDb());
    const gone = await db
      .delete(recordBlobs)
      .where(and(eq(recordBlobs.state, "pending"), sql`${recordBlobs.createdAt} < now() - make_interval(secs => ${seconds})`))
      .returning({ id: recordBlobs.id });
    return gone.length;
  },
};

/** The store records use. A second driver (an object store) would be chosen here from the configuration. */
export const blobStore: BlobStore = postgresBlobStore;
