import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import { type Config, config } from "@/lib/config";
import { securityEvents } from "@/lib/db/schema";
import { parseClamdUrl } from "@/lib/scan/address";
import { verifiedPatient } from "../helpers/accounts";
import { type Clamd, EICAR, startClamd } from "../helpers/clamd";
import { db } from "../helpers/db";
import { call } from "../helpers/http";
import { jpegBytes, listRecords, pdfBytes, PNG_1PX, storedRows, upload } from "../helpers/records";

/**
 * Virus scanning with a real clamd (docs/RECORDS.md "Virus scanning"): infected uploads are refused
 * with nothing kept, a scanner that is down refuses every upload, and without CLAMD_URL nothing is
 * scanned. clamd gets a local EICAR signature (tests/helpers/clamd.ts).
 */

const NO_ROWS = { blobs: 0, chunks: 0, records: 0 };
const g = globalThis as unknown as { __caregateConfig?: Config };
let clamd: Clamd;
let original: Config;

/** Scanning on (clamd's address) or off, for the following requests. */
const useScanner = (url: string | undefined) => {
  g.__caregateConfig = { ...original, CLAMD_URL: url ? parseClamdUrl(url) : undefined };
};

beforeAll(async () => {
  clamd = await startClamd();
  original = config();
}, 90_000);
afterEach(() => useScanner(clamd.url));
afterAll(async () => {
  g.__caregateConfig = original;
  await clamd?.close();
});

/** The EICAR bytes behind a real file's first bytes, so type detection passes and only the scan can refuse it. */
const infected = {
  pdf: () => Buffer.concat([pdfBytes(4096), EICAR]),
  png: () => Buffer.concat([PNG_1PX, EICAR]),
  jpeg: () => Buffer.concat([jpegBytes(2048), EICAR]),
};

async function infectedEvents(userId: string) {
  return (await db())
    .select({ detail: securityEvents.detail })
    .from(securityEvents)
    .where(and(eq(securityEvents.userId, userId), eq(securityEvents.type, "record_infected")));
}

describe("with CLAMD_URL set", () => {
  it("accepts a clean file and reports the scanner healthy", async () => {
    useScanner(clamd.url);
    const p = await verifiedPatient();
    const res = await upload(p.token, { bytes: pdfBytes(700 * 1024), filename: "clean.pdf" });
    expect(res.status).toBe(201);
    expect(await storedRows(p.user.id)).toEqual({ blobs: 1, chunks: 3, records: 1 });
    const health = await call(healthRoute, "GET");
    expect(health.status).toBe(200);
    expect(health.body.scanner).toBe("ok");
  });

  it.each([
    ["eicar.com", infected.pdf],
    ["report.pdf", infected.pdf],
    ["scan.png", infected.png],
    ["photo.jpg", infected.jpeg],
    ["x-ray.jpeg", infected.png],
    ["Résultats d'analyse.pdf", infected.jpeg],
  ])("refuses EICAR named %s with 422 FILE_INFECTED, keeps nothing and audits it", async (filename, bytes) => {
    useScanner(clamd.url);
    const p = await verifiedPatient();
    const res = await upload(p.token, { bytes: bytes(), filename }, { title: "Lab", category: "lab" });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("FILE_INFECTED");
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
    expect((await listRecords(p.token)).body.records).toEqual([]);
    const events = await infectedEvents(p.user.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toMatchObject({ signature: expect.stringContaining("EICAR") });
  });

  it("refuses the bare EICAR file whatever its name (it is no PDF, JPEG or PNG) and keeps nothing", async () => {
    useScanner(clamd.url);
    const p = await verifiedPatient();
    for (const filename of ["eicar.com", "eicar.pdf", "scan.png", "photo.jpg"]) {
      const res = await upload(p.token, { bytes: EICAR, filename, type: "application/pdf" });
      expect(res.status, filename).toBeGreaterThanOrEqual(400);
      expect(res.status, filename).toBeLessThan(500);
    }
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
  });

  it("finds EICAR deep inside a large file, after several stored chunks", async () => {
    useScanner(clamd.url);
    const p = await verifiedPatient();
    const bytes = Buffer.concat([pdfBytes(3 * 1024 * 1024), EICAR, Buffer.from("\n%%EOF\n")]);
    const res = await upload(p.token, { bytes, filename: "big.pdf" });
    expect(res.status).toBe(422);
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
  });

  it("a stopped clamd: 503 SCAN_UNAVAILABLE, nothing kept, health 503; back to normal once it returns", async () => {
    useScanner(clamd.url);
    const p = await verifiedPatient();
    await clamd.stop();
    try {
      const res = await upload(p.token, { bytes: pdfBytes(), filename: "clean.pdf" });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe("SCAN_UNAVAILABLE");
      expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
      const health = await call(healthRoute, "GET");
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ status: "error", database: "ok", scanner: "unreachable" });
    } finally {
      await clamd.start();
    }
    expect((await upload(p.token, { bytes: pdfBytes(), filename: "clean.pdf" })).status).toBe(201);
  }, 90_000);
});

describe("without CLAMD_URL", () => {
  it("does not scan: the same infected PDF is stored, and health says scanner off", async () => {
    useScanner(undefined);
    const p = await verifiedPatient();
    const res = await upload(p.token, { bytes: infected.pdf(), filename: "report.pdf" });
    expect(res.status).toBe(201);
    const health = await call(healthRoute, "GET");
    expect(health.status).toBe(200);
    expect(health.body.scanner).toBe("off");
  });
});
