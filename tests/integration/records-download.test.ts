import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordBlobs, recordChunks, recordGrants, records, users } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { db } from "../helpers/db";
import { approvedDoctor, deleteRecord, download, getRecord, grant, pdfBytes, PNG_1PX, storedRows, upload } from "../helpers/records";

/** Reading back what was stored: headers that keep files inert, ranges, checksums, deletion. */

const MiB = 1024 * 1024;

describe("GET /api/records/{id}/file", () => {
  it("serves a polyglot starting with %PDF- only as an inert attachment", async () => {
    const p = await verifiedPatient();
    const polyglot = Buffer.from('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF');
    const up = await upload(p.token, { bytes: polyglot, filename: "invoice.html", type: "text/html" });
    expect(up.status).toBe(201);
    expect(up.body.record.contentType).toBe("application/pdf");

    const res = await download(p.token, up.body.record.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="invoice.html.pdf"; filename*=UTF-8''invoice.html.pdf`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(res.headers.get("content-length")).toBe(String(polyglot.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(polyglot)).toBe(true);
  });

  it("names the download with RFC 6266 filename* for non-ASCII names", async () => {
    const p = await verifiedPatient();
    const up = await upload(p.token, { bytes: PNG_1PX, filename: "صورة الأشعة.png" });
    const res = await download(p.token, up.body.record.id);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="record.png"; filename*=UTF-8''${encodeURIComponent("صورة الأشعة.png")}`,
    );
    await res.arrayBuffer();
  });

  it("answers a byte range across a chunk boundary with 206, and an impossible one with 416", async () => {
    const p = await verifiedPatient();
    const bytes = pdfBytes(600 * 1024);
    for (let i = 100; i < bytes.length; i++) bytes[i] = i % 251; // distinct bytes, so a wrong offset shows
    const id = (await upload(p.token, { bytes, filename: "r.pdf" })).body.record.id;
    const start = 256 * 1024 - 10;
    const res = await download(p.token, id, { range: `bytes=${start}-${start + 299_999}` });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${start + 299_999}/${bytes.length}`);
    expect(res.headers.get("content-length")).toBe("300000");
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(start, start + 300_000))).toBe(true);

    const tail = await download(p.token, id, { range: "bytes=-7" });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(-7))).toBe(true);

    const bad = await download(p.token, id, { range: `bytes=${bytes.length}-` });
    expect(bad.status).toBe(416);
    expect(bad.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
    expect((await bad.json()).code).toBe("RANGE_NOT_SATISFIABLE");
  });

  it("checks the SHA-256 on the way out: a damaged chunk never arrives as a complete file", async () => {
    const p = await verifiedPatient();
    const bytes = pdfBytes(300 * 1024);
    const rec = (await upload(p.token, { bytes, filename: "r.pdf" })).body.record;
    const [row] = await (await db()).select({ blobId: records.blobId }).from(records).where(eq(records.id, rec.id));
    // Flip one byte of the first chunk, keeping its length.
    await (await db())
      .update(recordChunks)
      .set({ data: sql`set_byte(${recordChunks.data}, 20, (get_byte(${recordChunks.data}, 20) + 1) % 256)` })
      .where(eq(recordChunks.blobId, row!.blobId));
    const res = await download(p.token, rec.id);
    expect(res.status).toBe(200); // headers are sent before the last chunk is checked
    await expect(res.arrayBuffer()).rejects.toThrow();
    // A range is not checked against the whole-file digest, and still reads.
    const part = await download(p.token, rec.id, { range: "bytes=0-9" });
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(0, 10))).toBe(true);
  });

  it("streams a 10 MiB file back intact", async () => {
    const p = await verifiedPatient();
    const bytes = pdfBytes(10 * MiB);
    const id = (await upload(p.token, { bytes, filename: "big.pdf" })).body.record.id;
    const res = await download(p.token, id);
    expect(res.headers.get("content-length")).toBe(String(10 * MiB));
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe("DELETE /api/records/{id}", () => {
  it("deletes the record and its bytes together; afterwards it is 404 everywhere", async () => {
    const p = await verifiedPatient();
    const id = (await upload(p.token, { bytes: pdfBytes(600 * 1024), filename: "r.pdf" })).body.record.id;
    expect(await storedRows(p.user.id)).toEqual({ blobs: 1, chunks: 3, records: 1 });
    const res = await deleteRecord(p.token, id);
    expect(res.status).toBe(200);
    expect(await storedRows(p.user.id)).toEqual({ blobs: 0, chunks: 0, records: 0 });
    expect((await getRecord(p.token, id)).status).toBe(404);
    expect((await download(p.token, id)).status).toBe(404);
    expect((await deleteRecord(p.token, id)).status).toBe(404);
  });

  it("refuses a cookie-authenticated delete from another origin", async () => {
    const p = await verifiedPatient();
    const id = (await upload(p.token, { bytes: pdfBytes(), filename: "r.pdf" })).body.record.id;
    const res = await deleteRecord(p.token, id, { cookie: p.cookie, origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("FORBIDDEN_ORIGIN");
    expect((await storedRows(p.user.id)).records).toBe(1);
  });
});

describe("deleting an account", () => {
  it("removes its records, their bytes and its grants", async () => {
    const p = await verifiedPatient();
    const d = await approvedDoctor();
    await upload(p.token, { bytes: pdfBytes(300 * 1024), filename: "r.pdf" });
    expect((await grant(p.token, d.user.id)).status).toBe(201);
    await (await db()).delete(users).where(eq(users.id, p.user.id));
    expect(await storedRows(p.user.id)).toEqual({ blobs: 0, chunks: 0, records: 0 });
    const left = await (await db()).select().from(recordGrants).where(eq(recordGrants.patientId, p.user.id));
    expect(left).toEqual([]);
    const orphanChunks = await (await db()).execute(sql`select count(*)::int as n from ${recordChunks} c where not exists (select 1 from ${recordBlobs} b where b.id = c.blob_id)`);
    expect((orphanChunks as any).rows?.[0]?.n ?? (orphanChunks as any)[0]?.n).toBe(0);
  });
});
