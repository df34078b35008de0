import { describe, expect, it } from "vitest";
import { activeShares, latestRecords, recentlySharedPatients, recentViews } from "@/lib/records/recent";
import { verifiedPatient } from "../helpers/accounts";
import { setApproval } from "../helpers/doctors";
import {
  approvedDoctor,
  deleteRecord,
  download,
  expireGrant,
  getRecord,
  grant,
  listRecords,
  pdfBytes,
  PNG_1PX,
  revoke,
  seedRecords,
  upload,
} from "../helpers/records";

/** The home page's short reads (docs/DECISIONS.md "The home page"): the newest few, in force now, with totals. */

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe("a patient's home", () => {
  it("lists the five newest records in the records page's order, with the total", async () => {
    const p = await verifiedPatient();
    expect(await latestRecords(p.user.id)).toEqual({ records: [], total: 0 });
    await seedRecords(p.user.id, 4);
    await upload(p.token, { bytes: pdfBytes(), filename: "old-letter.pdf" }, { title: "Old letter", documentDate: "2020-01-02" });
    const newest = (await upload(p.token, { bytes: PNG_1PX, filename: "scan.png" }, { title: "Newest scan" })).body.record;
    await upload(p.token, { bytes: pdfBytes(), filename: "lab.pdf" }, { title: "Lab", documentDate: "2021-06-01" });

    const { records, total } = await latestRecords(p.user.id);
    expect(total).toBe(7);
    expect(records).toHaveLength(5);
    const page = (await listRecords(p.token)).body.records as { id: string }[];
    expect(records.map((r) => r.id)).toEqual(page.slice(0, 5).map((r) => r.id));
    expect(records.find((r) => r.id === newest.id)).toMatchObject({ title: "Newest scan", contentType: "image/png" });
    // Another patient's records never count.
    expect((await latestRecords((await verifiedPatient()).user.id)).total).toBe(0);
  });

  it("names the doctors who read lately, newest first, with the titles (gone when the record is)", async () => {
    const p = await verifiedPatient();
    const doctor = await approvedDoctor({ name: "Dr Home Reader" });
    const kept = (await upload(p.token, { bytes: pdfBytes(), filename: "kept.pdf" }, { title: "Kept letter" })).body.record;
    const gone = (await upload(p.token, { bytes: pdfBytes(), filename: "gone.pdf" }, { title: "Gone letter" })).body.record;
    expect((await grant(p.token, doctor.user.id)).status).toBe(201);
    expect(await recentViews(p.user.id)).toEqual([]);

    expect((await getRecord(doctor.token, gone.id)).status).toBe(200);
    const file = await download(doctor.token, kept.id);
    await file.arrayBuffer();
    expect((await getRecord(doctor.token, kept.id)).status).toBe(200);
    expect((await deleteRecord(p.token, gone.id)).status).toBe(200);

    const views = await recentViews(p.user.id, 2);
    expect(views.map(({ doctorName, action, recordTitle }) => ({ doctorName, action, recordTitle }))).toEqual([
      { doctorName: "Dr Home Reader", action: "view", recordTitle: "Kept letter" },
      { doctorName: "Dr Home Reader", action: "download", recordTitle: "Kept letter" },
    ]);
    const all = await recentViews(p.user.id);
    expect(all).toHaveLength(3);
    expect(all[2]).toMatchObject({ action: "view", recordId: gone.id, recordTitle: null });
    // The owner's own reads are not in it.
    await getRecord(p.token, kept.id);
    expect(await recentViews(p.user.id)).toHaveLength(3);
  });

  it("shows the shares in force, ending soonest first; not revoked, ended or with a doctor no longer approved", async () => {
    const p = await verifiedPatient();
    const [soon, open, ended, revoked, unapproved] = await Promise.all(
      ["Soon", "Open", "Ended", "Revoked", "Unapproved"].map((n) => approvedDoctor({ name: `Dr ${n}`, specialty: "Cardiology" })),
    );
    await grant(p.token, open!.user.id, null);
    await grant(p.token, soon!.user.id, inDays(3));
    const endedGrant = (await grant(p.token, ended!.user.id, inDays(10))).body.grant;
    await expireGrant(endedGrant.id);
    await revoke(p.token, (await grant(p.token, revoked!.user.id)).body.grant.id);
    await grant(p.token, unapproved!.user.id);
    await setApproval(unapproved!.user.id, "rejected");

    const shares = await activeShares(p.user.id);
    expect(shares.map((s) => s.doctorName)).toEqual(["Dr Soon", "Dr Open"]);
    expect(shares[0]!.expiresAt?.toISOString().slice(0, 10)).toBe(inDays(3).slice(0, 10));
    expect(shares[1]).toMatchObject({ specialty: "Cardiology", expiresAt: null });
  });
});

describe("a doctor's home", () => {
  it("lists the patients sharing now, most recent share first, with the total", async () => {
    const doctor = await approvedDoctor();
    expect(await recentlySharedPatients(doctor.user.id)).toEqual({ patients: [], total: 0 });
    const [first, second, third, ended, revoked] = await Promise.all(["First", "Second", "Third", "Ended", "Revoked"].map((n) => verifiedPatient({ name: `Pat ${n}` })));
    await grant(first!.token, doctor.user.id);
    await grant(second!.token, doctor.user.id, inDays(30));
    await grant(third!.token, doctor.user.id);
    await expireGrant((await grant(ended!.token, doctor.user.id, inDays(2))).body.grant.id);
    await revoke(revoked!.token, (await grant(revoked!.token, doctor.user.id)).body.grant.id);

    const { patients, total } = await recentlySharedPatients(doctor.user.id, 2);
    expect(total).toBe(3);
    expect(patients.map((x) => x.name)).toEqual(["Pat Third", "Pat Second"]);
    expect(patients[1]!.expiresAt).not.toBeNull();
    expect(patients[0]!.id).toBe(third!.user.id);
  });
});
