import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as patientRecordsRoute from "@/app/api/patients/[id]/records/route";
import { records, securityEvents } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { db } from "../helpers/db";
import { call } from "../helpers/http";
import { approvedDoctor, getRecord, grant, listRecords, patchRecord, pdfBytes, PNG_1PX, storedRows, upload } from "../helpers/records";

/** Category, document date, search and filters (docs/RECORDS.md "Finding records"). */

const NO_ROWS = { blobs: 0, chunks: 0, records: 0 };
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function uploadWith(token: string, title: string, fields: Record<string, string> = {}, filename = `${title}.pdf`) {
  const res = await upload(token, { bytes: pdfBytes(), filename }, { title, ...fields });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.record as { id: string; title: string; category: string; documentDate: string | null };
}

const titles = (res: { body: { records: { title: string }[] } }) => res.body.records.map((r) => r.title);

describe("upload: category and document date", () => {
  it("keeps the category and date given in the form, and defaults to other / null", async () => {
    const p = await verifiedPatient();
    const given = await uploadWith(p.token, "Blood test", { category: "lab", documentDate: "2023-05-02" });
    expect(given).toMatchObject({ category: "lab", documentDate: "2023-05-02" });
    const bare = await uploadWith(p.token, "Something");
    expect(bare).toMatchObject({ category: "other", documentDate: null });
    const emptyDate = await uploadWith(p.token, "Empty date", { documentDate: "" });
    expect(emptyDate.documentDate).toBeNull();
    expect((await getRecord(p.token, given.id)).body.record).toMatchObject({ category: "lab", documentDate: "2023-05-02" });
  });

  it.each([
    [{ category: "xray" }, "category"],
    [{ documentDate: day(3) }, "documentDate"],
    [{ documentDate: "2024-02-30" }, "documentDate"],
    [{ documentDate: "14/03/2024" }, "documentDate"],
    [{ documentDate: "1850-01-01" }, "documentDate"],
  ])("refuses %j with 400 naming the field, and keeps nothing", async (fields, field) => {
    const p = await verifiedPatient();
    const res = await upload(p.token, { bytes: pdfBytes(), filename: "x.pdf" }, fields as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(res.body.fields)).toEqual([field]);
    expect(await storedRows(p.user.id)).toEqual(NO_ROWS);
  });

  it("accepts today's date wherever the patient is (up to UTC+14)", async () => {
    const p = await verifiedPatient();
    const latest = new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
    expect((await uploadWith(p.token, "Today", { documentDate: latest })).documentDate).toBe(latest);
  });
});

describe("GET /api/records: order, search and filters", () => {
  it("lists newest document first, by the document's date or else the upload's day", async () => {
    const p = await verifiedPatient();
    await uploadWith(p.token, "Old lab", { documentDate: "2021-01-10" });
    await uploadWith(p.token, "No date"); // today
    await uploadWith(p.token, "Recent scan", { documentDate: day(-7) });
    await uploadWith(p.token, "Older letter", { documentDate: "2022-06-01" });
    expect(titles(await listRecords(p.token))).toEqual(["No date", "Recent scan", "Older letter", "Old lab"]);
  });

  it("finds title and file name ignoring case, accents and Arabic diacritics", async () => {
    const p = await verifiedPatient();
    await uploadWith(p.token, "Échographie abdominale", {}, "scan.pdf");
    await uploadWith(p.token, "Letter", {}, "Überweisung-Kardiologie.pdf");
    await uploadWith(p.token, "تَحْلِيل الدَّم", {}, "lab.pdf");
    await uploadWith(p.token, "Prescription", {}, "rx.pdf");
    expect(titles(await listRecords(p.token, { q: "ECHOGRAPHIE" }))).toEqual(["Échographie abdominale"]);
    expect(titles(await listRecords(p.token, { q: "echo" }))).toEqual(["Échographie abdominale"]);
    expect(titles(await listRecords(p.token, { q: "uberweisung" }))).toEqual(["Letter"]);
    expect(titles(await listRecords(p.token, { q: "تحليل" }))).toEqual(["تَحْلِيل الدَّم"]);
    expect(titles(await listRecords(p.token, { q: "  rx.PDF " }))).toEqual(["Prescription"]);
    expect(titles(await listRecords(p.token, { q: "%" }))).toEqual([]); // a wildcard typed is a character
    expect((await listRecords(p.token, { q: "" })).body.records).toHaveLength(4);
  });

  it("a renamed record is found by its new title, not its old one", async () => {
    const p = await verifiedPatient();
    const r = await uploadWith(p.token, "Scan", {}, "image-0042.pdf");
    expect((await patchRecord(p.token, r.id, { title: "Röntgen Thorax" })).status).toBe(200);
    expect(titles(await listRecords(p.token, { q: "rontgen" }))).toEqual(["Röntgen Thorax"]);
    expect(titles(await listRecords(p.token, { q: "scan" }))).toEqual([]);
  });

  it("filters by category and by an inclusive date range on the document's (or upload's) day", async () => {
    const p = await verifiedPatient();
    await uploadWith(p.token, "Lab 2022", { category: "lab", documentDate: "2022-03-01" });
    await uploadWith(p.token, "Lab 2023", { category: "lab", documentDate: "2023-03-01" });
    await uploadWith(p.token, "Vaccine 2023", { category: "vaccination", documentDate: "2023-12-31" });
    await uploadWith(p.token, "Undated letter", { category: "letter" });
    expect(titles(await listRecords(p.token, { category: "lab" }))).toEqual(["Lab 2023", "Lab 2022"]);
    expect(titles(await listRecords(p.token, { from: "2023-03-01", to: "2023-12-31" }))).toEqual(["Vaccine 2023", "Lab 2023"]);
    expect(titles(await listRecords(p.token, { to: "2022-12-31" }))).toEqual(["Lab 2022"]);
    expect(titles(await listRecords(p.token, { from: day(-1) }))).toEqual(["Undated letter"]);
    expect(titles(await listRecords(p.token, { category: "lab", from: "2023-01-01", q: "lab" }))).toEqual(["Lab 2023"]);
    expect(titles(await listRecords(p.token, { category: "", from: "", to: "" }))).toHaveLength(4);
  });

  it.each([
    [{ category: "xray" }, "category"],
    [{ from: "2023-13-01" }, "from"],
    [{ to: "yesterday" }, "to"],
    [{ from: "2024-01-02", to: "2024-01-01" }, "to"],
    [{ q: "x".repeat(101) }, "q"],
  ])("refuses the query %j with 400 naming the field", async (query, field) => {
    const p = await verifiedPatient();
    const res = await listRecords(p.token, query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(res.body.fields)).toEqual([field]);
  });

  it("a doctor with a grant filters a patient's records the same way", async () => {
    const p = await verifiedPatient();
    const d = await approvedDoctor();
    expect((await grant(p.token, d.user.id)).status).toBe(201);
    await uploadWith(p.token, "Échographie", { category: "imaging", documentDate: "2024-04-04" });
    await uploadWith(p.token, "Blood", { category: "lab", documentDate: "2024-05-05" });
    const list = (query: Record<string, string>) =>
      call(patientRecordsRoute, "GET", { token: d.token, params: { id: p.user.id }, path: `/api/patients/${p.user.id}/records?${new URLSearchParams(query)}` });
    expect(titles(await list({}))).toEqual(["Blood", "Échographie"]);
    expect(titles(await list({ q: "echographie" }))).toEqual(["Échographie"]);
    expect(titles(await list({ category: "lab", to: "2024-12-31" }))).toEqual(["Blood"]);
    expect((await list({ from: "nope" })).status).toBe(400);
  });
});

describe("PATCH /api/records/{id}", () => {
  it("lets the owner rename, re-categorise and re-date, and audits it", async () => {
    const p = await verifiedPatient();
    const r = await uploadWith(p.token, "Scan");
    const res = await patchRecord(p.token, r.id, { title: "  Chest X-ray ", category: "imaging", documentDate: "2024-11-02" });
    expect(res.status).toBe(200);
    expect(res.body.record).toMatchObject({ id: r.id, title: "Chest X-ray", category: "imaging", documentDate: "2024-11-02" });
    const cleared = await patchRecord(p.token, r.id, { documentDate: null });
    expect(cleared.body.record).toMatchObject({ title: "Chest X-ray", category: "imaging", documentDate: null });
    const [row] = await (await db()).select().from(records).where(eq(records.id, r.id));
    expect(row).toMatchObject({ title: "Chest X-ray", category: "imaging", documentDate: null });
    const events = await (await db()).select().from(securityEvents).where(eq(securityEvents.userId, p.user.id));
    expect(events.filter((e) => e.type === "record_updated")).toHaveLength(2);
  });

  it.each([
    [{ category: "xray" }, "category"],
    [{ documentDate: day(2) }, "documentDate"],
    [{ title: "   " }, "title"],
    [{ title: "a\nb" }, "title"],
    [{}, "body"],
  ])("refuses %j with 400 naming the field and changes nothing", async (body, field) => {
    const p = await verifiedPatient();
    const r = await uploadWith(p.token, "Unchanged", { category: "lab" });
    const res = await patchRecord(p.token, r.id, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(res.body.fields)).toEqual([field]);
    expect((await getRecord(p.token, r.id)).body.record).toMatchObject({ title: "Unchanged", category: "lab" });
  });

  it("is 404 for another patient's record and a malformed id; a doctor with a grant cannot change it", async () => {
    const owner = await verifiedPatient();
    const other = await verifiedPatient();
    const d = await approvedDoctor();
    await grant(owner.token, d.user.id);
    const r = await uploadWith(owner.token, "Mine", { category: "lab" });
    expect((await patchRecord(other.token, r.id, { title: "Stolen" })).status).toBe(404);
    expect((await patchRecord(other.token, "not-a-uuid", { title: "x" })).status).toBe(404);
    expect((await patchRecord(d.token, r.id, { title: "Doctor's edit" })).status).toBe(403);
    expect((await getRecord(owner.token, r.id)).body.record).toMatchObject({ title: "Mine", category: "lab" });
  });

  it("keeps the record's bytes and type: only metadata changes", async () => {
    const p = await verifiedPatient();
    const r = await upload(p.token, { bytes: PNG_1PX, filename: "dot.png" });
    const res = await patchRecord(p.token, r.body.record.id, { category: "imaging" });
    expect(res.body.record).toMatchObject({ contentType: "image/png", size: PNG_1PX.length, filename: "dot.png" });
  });
});
