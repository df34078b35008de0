import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import * as thumbnailRoute from "@/app/api/records/[id]/thumbnail/route";
import { recordThumbnails, securityEvents } from "@/lib/db/schema";
import { thumbnailsIdle } from "@/lib/records/thumbnails";
import { verifiedPatient } from "../helpers/accounts";
import { db } from "../helpers/db";
import { blankPng, onePagePdf } from "../helpers/files";
import { apiRequest, approvedDoctor, grant, jpegBytes, pdfBytes, send, upload } from "../helpers/records";

/** Previews (docs/RECORDS.md "Thumbnails"): made in the background from the stored bytes, ≤ 320 px wide, never a 500. */

const thumbnail = (token: string, id: string) => send(thumbnailRoute, "GET", apiRequest(`/api/records/${id}/thumbnail`, { token }), { id });

async function uploaded(token: string, bytes: Buffer, filename: string): Promise<string> {
  const res = await upload(token, { bytes, filename });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.record.id;
}

async function previewRow(recordId: string) {
  const [row] = await (await db())
    .select({ contentType: recordThumbnails.contentType, width: recordThumbnails.width, height: recordThumbnails.height })
    .from(recordThumbnails)
    .where(eq(recordThumbnails.recordId, recordId));
  return row ?? null;
}

/** The preview as an image: its real type and size, read back by sharp. */
async function previewOf(token: string, id: string) {
  const res = await thumbnail(token, id);
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  const meta = await sharp(bytes).metadata();
  return { res, format: meta.format, width: meta.width, height: meta.height };
}

const photo = (width: number, height: number, format: "png" | "jpeg") =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })[format]().toBuffer();

describe("GET /api/records/{id}/thumbnail", () => {
  it("makes a JPEG at most 320 px wide of a PNG, in the background, with the file's inert headers", async () => {
    const p = await verifiedPatient();
    const id = await uploaded(p.token, await photo(1200, 800, "png"), "scan.png");
    await thumbnailsIdle();
    expect(await previewRow(id)).toEqual({ contentType: "image/jpeg", width: 320, height: 213 }); // made without being asked
    const { res, format, width, height } = await previewOf(p.token, id);
    expect({ format, width, height }).toEqual({ format: "jpeg", width: 320, height: 213 });
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="scan-preview\.jpg"/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("makes one of a JPEG photo and keeps a small picture's own size", async () => {
    const p = await verifiedPatient();
    const big = await uploaded(p.token, await photo(2000, 1500, "jpeg"), "photo.jpg");
    const small = await uploaded(p.token, await photo(200, 100, "jpeg"), "small.jpg");
    await thumbnailsIdle();
    expect(await previewOf(p.token, big)).toMatchObject({ format: "jpeg", width: 320, height: 240 });
    expect(await previewOf(p.token, small)).toMatchObject({ format: "jpeg", width: 200, height: 100 });
  });

  it("renders a PDF's first page with pdftoppm", async () => {
    const p = await verifiedPatient();
    const id = await uploaded(p.token, onePagePdf(), "letter.pdf");
    await thumbnailsIdle();
    expect(await previewOf(p.token, id)).toMatchObject({ format: "jpeg", width: 320, height: 453 });
  });

  it("refuses a 20,000 × 20,000 PNG from its header, without a memory spike: 404, no 500", async () => {
    const p = await verifiedPatient();
    const bomb = blankPng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const id = await uploaded(p.token, bomb, "bomb.png");
    await thumbnailsIdle();
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024); // decoded it would be 400 MB at least
    expect(await previewRow(id)).toEqual({ contentType: null, width: null, height: null });
    const res = await thumbnail(p.token, id);
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe("NOT_FOUND");
  });

  it("refuses pictures over 50 megapixels (8,000 × 8,000), which sharp's own default would decode", async () => {
    const p = await verifiedPatient();
    const id = await uploaded(p.token, blankPng(8000, 8000), "huge.png");
    await thumbnailsIdle();
    expect((await thumbnail(p.token, id)).status).toBe(404);
  });

  it("gives broken files no preview (404), and never a 500", async () => {
    const p = await verifiedPatient();
    const ids = [
      await uploaded(p.token, pdfBytes(), "no-pages.pdf"),
      await uploaded(p.token, jpegBytes(4096), "noise.jpg"),
      await uploaded(p.token, Buffer.concat([onePagePdf().subarray(0, 60)]), "cut.pdf"),
    ];
    await thumbnailsIdle();
    for (const id of ids) {
      expect((await thumbnail(p.token, id)).status).toBe(404);
      expect((await previewRow(id))?.contentType).toBeNull();
    }
  });

  it("is made again on demand when its row is missing (a process stopped before making it)", async () => {
    const p = await verifiedPatient();
    const id = await uploaded(p.token, await photo(640, 640, "png"), "square.png");
    await thumbnailsIdle();
    await (await db()).delete(recordThumbnails).where(eq(recordThumbnails.recordId, id));
    expect((await thumbnail(p.token, id)).status).toBe(404);
    await thumbnailsIdle();
    expect(await previewOf(p.token, id)).toMatchObject({ width: 320, height: 320 });
  });

  it("follows the record's access rules: another patient 404, a granted doctor 200 and logged", async () => {
    const owner = await verifiedPatient();
    const stranger = await verifiedPatient();
    const d = await approvedDoctor();
    const id = await uploaded(owner.token, await photo(400, 300, "png"), "knee.png");
    await thumbnailsIdle();
    expect((await thumbnail(stranger.token, id)).status).toBe(404);
    expect((await thumbnail(d.token, id)).status).toBe(404);
    await grant(owner.token, d.user.id);
    expect((await thumbnail(d.token, id)).status).toBe(200);
    const logged = await (await db())
      .select({ detail: securityEvents.detail })
      .from(securityEvents)
      .where(and(eq(securityEvents.userId, owner.user.id), eq(securityEvents.type, "record_accessed")));
    expect(logged.map((e) => e.detail)).toEqual([expect.objectContaining({ recordId: id, action: "view" })]);
  });
});
