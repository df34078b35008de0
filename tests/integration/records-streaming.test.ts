import { readFileSync } from "node:fs";
import { inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordBlobs, recordChunks } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { db } from "../helpers/db";
import { BOUNDARY, download, MULTIPART_TYPE, rawUpload, storedRows } from "../helpers/records";

/**
 * "Server memory stays flat whatever the size and however many run at once" (docs/RULES.md
 * "Uploads"), checked where it can be checked exactly: while four 10 MiB uploads run at once, the
 * bytes read from the request bodies but not yet in the database stay within a few chunks. A server
 * that buffered the form would have read whole files ahead. The process's RSS growth is printed too,
 * with a generous bound: it mostly measures when the garbage collector runs (docs/PERFORMANCE.md
 * "Uploads and downloads"); `npm run bench` measures it on the real server.
 */

const MiB = 1024 * 1024;
const FILE = 10 * MiB;

/** A multipart body produced 64 KiB at a time (like socket reads), counting what has been pulled. */
function streamedUpload(counter: { pulled: number }) {
  const prefix = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\n\r\n%PDF-1.7\n`);
  const suffix = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  let left = FILE - "%PDF-1.7\n".length;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Each piece arrives in a later turn of the event loop, as socket reads do (and PGlite's
      // queries never leave the microtask queue, so without this nothing else would run meanwhile).
      await new Promise((r) => setImmediate(r));
      if (!started) {
        started = true;
        controller.enqueue(prefix);
      } else if (left > 0) {
        const piece = Buffer.alloc(Math.min(64 * 1024, left), left & 0xff);
        left -= piece.byteLength;
        counter.pulled += piece.byteLength;
        controller.enqueue(piece);
      } else {
        controller.enqueue(suffix);
        controller.close();
      }
    },
  });
}

const rssMiB = () => Number(readFileSync("/proc/self/status", "utf8").match(/^VmRSS:\s+(\d+)/m)![1]) / 1024;

describe("streaming uploads", () => {
  it("four 10 MiB uploads at once keep only a few chunks per upload in flight", async () => {
    const patients = await Promise.all([0, 1, 2, 3].map(() => verifiedPatient()));
    const owners = patients.map((p) => p.user.id);
    const counter = { pulled: 0 };
    const d = await db();
    const storedBytes = async () => {
      const [row] = await d
        .select({ n: sql<string>`coalesce(sum(octet_length(${recordChunks.data})), 0)` })
        .from(recordChunks)
        .innerJoin(recordBlobs, sql`${recordBlobs.id} = ${recordChunks.blobId}`)
        .where(inArray(recordBlobs.ownerId, owners));
      return Number(row!.n);
    };

    let maxAhead = 0;
    let peakRss = rssMiB();
    const idleRss = peakRss;
    let sampling = true;
    let samples = 0;
    const sampler = (async () => {
      while (sampling) {
        // Read after the query: it can only overstate how far reading ran ahead.
        const stored = await storedBytes();
        maxAhead = Math.max(maxAhead, counter.pulled - stored);
        samples++;
        peakRss = Math.max(peakRss, rssMiB());
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const results = await Promise.all(patients.map((p) => rawUpload(p.token, streamedUpload(counter), MULTIPART_TYPE)));
    sampling = false;
    await sampler;

    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.every((r) => r.body.record.size === FILE)).toBe(true);
    for (const owner of owners) expect(await storedRows(owner)).toEqual({ blobs: 1, chunks: 40, records: 1 });
    console.log(
      `[streaming] 4 × 10 MiB at once: at most ${(maxAhead / MiB).toFixed(2)} MiB read ahead of the database (${samples} samples, ${(counter.pulled / MiB).toFixed(0)} MiB pulled); ` +
        `test process RSS ${idleRss.toFixed(0)} → ${peakRss.toFixed(0)} MiB (+${(peakRss - idleRss).toFixed(1)})`,
    );
    // Per upload: one 256 KiB chunk being filled, busboy's and the body stream's buffers.
    expect(maxAhead).toBeLessThan(4 * MiB);
    expect(peakRss - idleRss).toBeLessThan(200);

    // The bytes come back intact, streamed.
    const file = await download(patients[0]!.token, results[0]!.body.record.id);
    let n = 0;
    for await (const chunk of file.body as unknown as AsyncIterable<Uint8Array>) n += chunk.byteLength;
    expect(n).toBe(FILE);
  });
});
