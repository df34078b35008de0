import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordBlobs, recordChunks } from "@/lib/db/schema";
import { runRetention } from "@/lib/ops/retention";
import { verifiedPatient } from "../helpers/accounts";
import { db } from "../helpers/db";
import { verifiedDoctor } from "../helpers/doctors";
import {
  download,
  getRecord,
  jpegBytes,
  listRecords,
  MULTIPART_TYPE,
  multipart,
  pdfBytes,
  PNG_1PX,
  rawUpload,
  seedRecords,
  storedRows,
  upload,
} from "../helpers/records";

/** Upload rules (docs/RULES.md "Uploads"): each refusal is a clear 4xx and leaves no rows. */

const MiB = 1024 * 1024;
const NO_ROWS = { blobs: 0, chunks: 0, records: 0 };

describe("POST /api/records: accepted files", () => {
  it("stores a PDF and answers 201 with the record; list, read and download agree", async () => {
    const p = await verifiedPatient();
    const bytes = pdfBytes(700 * 1024); // three chunks, the last one partial
    const res = await upload(p.token, { bytes, filename: "blood test.pdf", type: "application/pdf" }, { title: "Blood test, March" });
    expect(res.status).toBe(201);
    expect(res.body.record).toEqual({
      id: expect.any(String),
      title: "Blood test, March",
      filename: "blood test.pdf",
      contentType: "application/pdf",
      size: bytes.length,
      category: "other",
      documentDate: null,
      createdAt: expect.any(String),
    });
    const id = res.body.record.id;
    expect(await storedRows(p.user.id)).toEqual({ blobs: 1, chunks: 3, records: 1 });

    const list = await listRecords(p.token);
    expect(list.status).toBe(200);
    expect(list.body.records).toEqual([res.body.record]);
    expect((await getRecord(p.token, id)).body.record).toEqual(res.body.record);

    const file = await download(p.token, id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-length")).toBe(String(bytes.length));
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("detects PNG and JPEG from the bytes, ignoring the name and the declared type", async () => {
    const p = await verifiedPatient();
    const png = await upload(p.token, { bytes: PNG_1PX, filename: "scan.pdf", type: "application/pdf" });
    expect(png.status).toBe(201);
    expect(png.body.record.contentType).toBe("image/png");
    const jpeg = await upload(p.token, { bytes: jpegBytes(), filename: "photo.txt", type: "text/html" });
    expect(jpeg.status).toBe(201);
    expect(jpeg.body.record.contentType).toBe("image/jpeg");
    expect(jpeg.body.record.title).toBe("photo"); // no title given: the filename without its extension
  });

  it("keeps the filename only as sanitised display text", async () => {
    const p = await verifiedPatient();
    const res = await upload(p.token, { bytes: pdfBytes(), filename: "../../etc/\u202Egpj.exe  report.pdf" });
    expect(res.status).toBe(201);
    expect(res.body.record.filename).toBe("gpj.exe report.pdf");
  });

  it("accepts a file of exactly the limit (10 MiB)", async () => {
    const p = await verifiedPatient();
    const res = await upload(p.token, { bytes: pdfBytes(10 * MiB), filename: "big.pdf" });
    expect(res.status).toBe(201);
    expect(res.body.record.size).toBe(10 * MiB);
    expect(await storedRows(p.user.id)).toEqual({ blobs: 1, chunks: 40, records: 1 });
  });
});

describe("POST /api/records: refusals leave nothing behind", () => {
  it("10 MiB + 1 byte → 413 PAYLOAD_TOO_LARGE", async () => {
    const p = await verifiedPatient();
    const res = await upload(p.token, { bytes: pdfBytes(10 * MiB + 1), filename: "big.pdf" });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
  });

  it("stops reading the body as soon as the limit is crossed", async () => {
    const p = await verifiedPatient();
    const head = Buffer.from(`--X\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\n`);
    let pulled = 0;
    const total = 30 * MiB;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const piece = pulled === 0 ? head : Buffer.alloc(64 * 1024, 0x41);
        pulled += piece.length;
        controller.enqueue(piece);
        if (pulled >= total) controller.close();
      },
    });
    const res = await rawUpload(p.token, body, "multipart/form-data; boundary=X");
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(11 * MiB);
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
  });

  it("HTML and SVG renamed to .pdf → 415, and reading stops at once", async () => {
    const p = await verifiedPatient();
    const html = await upload(p.token, { bytes: Buffer.from("<!doctype html><script>alert(1)</script>"), filename: "report.pdf", type: "application/pdf" });
    expect(html.status).toBe(415);
    expect(html.body.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(html.body.error).toMatch(/PDF, JPEG or PNG/);
    const svg = await upload(p.token, { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), filename: "x.pdf" });
    expect(svg.status).toBe(415);
    // A PDF header later in the file does not count: the bytes must start with it.
    const late = await upload(p.token, { bytes: Buffer.from("\n%PDF-1.4 hidden after a newline"), filename: "x.pdf" });
    expect(late.status).toBe(415);
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);

    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const piece = pulled === 0 ? multipart([{ name: "file", filename: "a.pdf", data: "<html>" }], false) : Buffer.alloc(64 * 1024, 0x20);
        pulled += piece.length;
        controller.enqueue(piece);
        if (pulled > 20 * MiB) controller.close();
      },
    });
    expect((await rawUpload(p.token, body, MULTIPART_TYPE)).status).toBe(415);
    expect(pulled).toBeLessThan(2 * MiB);
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
  });

  it("an empty file → 400 with the file field named", async () => {
    const p = await verifiedPatient();
    const res = await upload(p.token, { bytes: Buffer.alloc(0), filename: "empty.pdf" });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "VALIDATION_FAILED", fields: { file: expect.stringMatching(/empty/) } });
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
  });

  it("no file part, or a file sent as a plain field → 400", async () => {
    const p = await verifiedPatient();
    const none = await upload(p.token, null, { title: "Nothing attached" });
    expect(none.status).toBe(400);
    expect(none.body.fields.file).toBeDefined();
    const plain = await rawUpload(p.token, multipart([{ name: "file", data: "%PDF-1.4 as text" }]), MULTIPART_TYPE);
    expect(plain.status).toBe(400);
    expect(plain.body.fields.file).toBeDefined();
    const otherName = await rawUpload(p.token, multipart([{ name: "document", filename: "a.pdf", data: pdfBytes() }]), MULTIPART_TYPE);
    expect(otherName.status).toBe(400);
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
  });

  it("two file parts → 400, and the first one is not kept", async () => {
    const p = await verifiedPatient();
    const res = await upload(p.token, { bytes: pdfBytes(300 * 1024), filename: "a.pdf" }, {}, [{ bytes: PNG_1PX, filename: "b.png" }]);
    expect(res.status).toBe(400);
    expect(res.body.fields.file).toMatch(/one file/);
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
  });

  it("a truncated multipart body → 400 INVALID_MULTIPART, whether cut in the file or after it", async () => {
    const p = await verifiedPatient();
    const whole = multipart([{ name: "file", filename: "a.pdf", data: pdfBytes(600 * 1024) }]);
    const midFile = await rawUpload(p.token, whole.subarray(0, 400 * 1024), MULTIPART_TYPE);
    expect(midFile.status).toBe(400);
    expect(midFile.body.code).toBe("INVALID_MULTIPART");
    const noClose = await rawUpload(p.token, multipart([{ name: "file", filename: "a.pdf", data: pdfBytes() }], false), MULTIPART_TYPE);
    expect(noClose.status).toBe(400);
    expect(noClose.body.code).toBe("INVALID_MULTIPART");
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
  });

  it("a client that disconnects mid-upload leaves no rows", async () => {
    const p = await verifiedPatient();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 2 * MiB) return controller.error(new Error("client went away"));
        const piece = sent === 0 ? multipart([{ name: "file", filename: "a.pdf", data: "%PDF-1.4\n" }], false).subarray(0, -2) : Buffer.alloc(256 * 1024, 0x41);
        sent += piece.length;
        controller.enqueue(piece);
      },
    });
    const res = await rawUpload(p.token, body, MULTIPART_TYPE);
    expect(res.status).toBe(400);
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
  });

  it("not multipart → 415; multipart without a boundary → 400", async () => {
    const p = await verifiedPatient();
    const json = await rawUpload(p.token, JSON.stringify({ file: "x" }), "application/json");
    expect(json.status).toBe(415);
    expect(json.body.error).toMatch(/multipart/);
    expect((await rawUpload(p.token, "x", "multipart/form-data;")).status).toBe(400);
  });

  it("a title over 200 characters or with control characters → 400 on the title", async () => {
    const p = await verifiedPatient();
    const long = await upload(p.token, { bytes: pdfBytes(), filename: "a.pdf" }, { title: "é".repeat(201) });
    expect(long.status).toBe(400);
    expect(long.body.fields.title).toMatch(/200/);
    const ok = await upload(p.token, { bytes: pdfBytes(), filename: "a.pdf" }, { title: "é".repeat(200) });
    expect(ok.status).toBe(201);
    for (const title of ["line\nbreak", "tab\there", "nul\u0000", "del\u007f"]) {
      const res = await upload(p.token, { bytes: pdfBytes(), filename: "a.pdf" }, { title });
      expect(res.status, JSON.stringify(title)).toBe(400);
      expect(res.body.fields.title).toBeDefined();
    }
    // The title sent after the file is checked too, and the stored file is removed.
    const late = await rawUpload(p.token, multipart([{ name: "file", filename: "a.pdf", data: pdfBytes() }, { name: "title", data: "x".repeat(201) }]), MULTIPART_TYPE);
    expect(late.status).toBe(400);
    expect(await storedRows(p.user.id)).toEqual({ blobs: 1, chunks: 1, records: 1 });
  });

  it("the 201st record → 409 RECORD_LIMIT_REACHED; parallel uploads cannot pass 200", async () => {
    const p = await verifiedPatient();
    await seedRecords(p.user.id, 199);
    expect((await upload(p.token, { bytes: pdfBytes(), filename: "200.pdf" })).status).toBe(201);
    const over = await upload(p.token, { bytes: pdfBytes(), filename: "201.pdf" });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe("RECORD_LIMIT_REACHED");
    expect((await storedRows(p.user.id)).records).toBe(200);

    const q = await verifiedPatient();
    await seedRecords(q.user.id, 196);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(q.token, { bytes: pdfBytes(40_000), filename: `${i}.pdf` })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 409, 409, 409, 409]);
    expect(await storedRows(q.user.id)).toMatchObject({ records: 200, blobs: 200 });
  });

  it("only signed-in patients upload: 401 without a session, 403 for a doctor", async () => {
    const anonymous = await rawUpload("", multipart([{ name: "file", filename: "a.pdf", data: pdfBytes() }]), MULTIPART_TYPE);
    expect(anonymous.status).toBe(401);
    const doctor = await verifiedDoctor();
    const res = await upload(doctor.token, { bytes: pdfBytes(), filename: "a.pdf" });
    expect(res.status).toBe(403);
    expect(await storedRows(doctor.user.id)).toEqual(NO_ROWS);
  });
});

describe("stored bytes", () => {
  it("keeps the SHA-256 of the bytes", async () => {
    const p = await verifiedPatient();
    const bytes = jpegBytes(300 * 1024);
    const res = await upload(p.token, { bytes, filename: "x.jpg" });
    const file = await download(p.token, res.body.record.id);
    expect(file.headers.get("etag")).toBe(`"${createHash("sha256").update(bytes).digest("hex")}"`);
  });
});

describe("uploads abandoned by a crashed process", () => {
  it("are removed by the retention job after an hour; a running upload's blob is not", async () => {
    const p = await verifiedPatient();
    const d = await db();
    const pending = async (ageSeconds: number) => {
      const [blob] = await d
        .insert(recordBlobs)
        .values({ ownerId: p.user.id, chunkSize: 262144, createdAt: sql`now() - make_interval(secs => ${ageSeconds})` })
        .returning({ id: recordBlobs.id });
      await d.insert(recordChunks).values({ blobId: blob!.id, seq: 0, data: sql`decode('00ff', 'hex')` });
      return blob!.id;
    };
    const stale = await pending(3601);
    const fresh = await pending(60);
    const report = await runRetention();
    expect(report.uploads).toBeGreaterThanOrEqual(1);
    expect(await d.select().from(recordBlobs).where(eq(recordBlobs.id, stale))).toEqual([]);
    expect(await d.select().from(recordChunks).where(eq(recordChunks.blobId, stale))).toEqual([]);
    expect(await d.select({ id: recordBlobs.id }).from(recordBlobs).where(eq(recordBlobs.id, fresh))).toEqual([{ id: fresh }]);
  });
});
