import { describe, expect, it } from "vitest";
import * as doctorsRoute from "@/app/api/doctors/route";
import * as patientRecordsRoute from "@/app/api/patients/[id]/records/route";
import * as patientsRoute from "@/app/api/patients/route";
import { verifiedPatient } from "../helpers/accounts";
import { setApproval, verifiedDoctor } from "../helpers/doctors";
import { call } from "../helpers/http";
import {
  accessLog,
  approvedDoctor,
  deleteRecord,
  download,
  expireGrant,
  getRecord,
  grant,
  grantRow,
  listGrants,
  listRecords,
  pdfBytes,
  PNG_1PX,
  revoke,
  upload,
} from "../helpers/records";

/** Sharing rules (docs/RULES.md "API: records and sharing"): decided on every request. */

const patients = (token: string) => call(patientsRoute, "GET", { token });
const patientRecords = (token: string, id: string) => call(patientRecordsRoute, "GET", { token, params: { id } });
const findDoctors = (token: string, q?: string) => call(doctorsRoute, "GET", { token, path: q === undefined ? "/api/doctors" : `/api/doctors?q=${encodeURIComponent(q)}` });

/** A patient with one PDF and one PNG. */
async function patientWithRecords(name = "Shared Patient") {
  const p = await verifiedPatient({ name });
  const pdf = (await upload(p.token, { bytes: pdfBytes(), filename: "letter.pdf" })).body.record;
  const png = (await upload(p.token, { bytes: PNG_1PX, filename: "xray.png" })).body.record;
  return { ...p, pdf, png };
}

/** Everything a doctor can ask about one patient, as statuses. */
async function doctorView(token: string, patientId: string, recordId: string) {
  const file = await download(token, recordId);
  await file.arrayBuffer().catch(() => {});
  return {
    record: (await getRecord(token, recordId)).status,
    file: file.status,
    list: (await patientRecords(token, patientId)).status,
  };
}

describe("another patient's records", () => {
  it("are 404 everywhere: read, download, delete", async () => {
    const owner = await patientWithRecords();
    const other = await verifiedPatient();
    expect((await getRecord(other.token, owner.pdf.id)).status).toBe(404);
    expect((await download(other.token, owner.pdf.id)).status).toBe(404);
    expect((await deleteRecord(other.token, owner.pdf.id)).status).toBe(404);
    expect((await listRecords(other.token)).body.records).toEqual([]);
    expect((await getRecord(owner.token, owner.pdf.id)).status).toBe(200); // still there
    // Unknown and malformed ids look the same.
    expect((await getRecord(other.token, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await getRecord(other.token, "not-a-uuid")).status).toBe(404);
  });
});

describe("finding doctors", () => {
  it("lists approved doctors only, as { id, name, specialty }, matching name or specialty", async () => {
    const tag = `Zq${Date.now().toString(36)}`;
    const approved = await approvedDoctor({ name: `Dr ${tag} Approved`, specialty: "Nephrology" });
    const pending = await verifiedDoctor({ name: `Dr ${tag} Pending` });
    const rejected = await verifiedDoctor({ name: `Dr ${tag} Rejected` });
    await setApproval(rejected.user.id, "rejected");
    const p = await verifiedPatient();

    const res = await findDoctors(p.token, tag.toLowerCase());
    expect(res.status).toBe(200);
    expect(res.body.doctors).toEqual([{ id: approved.user.id, name: `Dr ${tag} Approved`, specialty: "Nephrology" }]);
    expect(res.body.doctors.map((d: any) => d.id)).not.toContain(pending.user.id);
    // "%" and "_" are literal characters, not wildcards.
    expect((await findDoctors(p.token, `${tag}%`)).body.doctors).toEqual([]);
    expect((await findDoctors(p.token, "")).status).toBe(200);
    expect((await findDoctors(p.token, "x\u0001")).status).toBe(400);
    expect((await findDoctors(approved.token, tag)).status).toBe(403); // patients only
  });
});

describe("granting", () => {
  it("only to an approved doctor: anything else is 404 DOCTOR_NOT_FOUND", async () => {
    const p = await verifiedPatient();
    const pending = await verifiedDoctor();
    const otherPatient = await verifiedPatient();
    for (const id of [pending.user.id, otherPatient.user.id, p.user.id, "00000000-0000-4000-8000-000000000000", "nope"]) {
      const res = await grant(p.token, id);
      expect(res.status, id).toBe(404);
      expect(res.body.code).toBe("DOCTOR_NOT_FOUND");
    }
    expect((await grant(p.token, undefined as unknown as string)).status).toBe(400);
    const d = await approvedDoctor();
    expect((await grant(p.token, d.user.id, "2001-01-01T00:00:00Z")).status).toBe(400); // end in the past
    expect((await grant(p.token, d.user.id, "tomorrow")).status).toBe(400);
    expect((await grant(d.token, d.user.id)).status).toBe(403); // doctors do not grant
  });

  it("answers 201 { grant }; granting again replaces the earlier grant", async () => {
    const p = await verifiedPatient({ name: "Rana Patient" });
    const d = await approvedDoctor({ name: "Dr Grant Again", specialty: "Oncology" });
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const first = await grant(p.token, d.user.id, until);
    expect(first.status).toBe(201);
    expect(first.body.grant).toMatchObject({
      id: expect.any(String),
      patientId: p.user.id,
      doctorId: d.user.id,
      active: true,
      doctor: { id: d.user.id, name: "Dr Grant Again", specialty: "Oncology" },
      patient: { id: p.user.id, name: "Rana Patient" },
    });
    expect(new Date(first.body.grant.expiresAt).toISOString()).toBe(until);
    const second = await grant(p.token, d.user.id, null);
    expect(second.status).toBe(201);
    expect(second.body.grant.expiresAt).toBeNull();
    const mine = await listGrants(p.token);
    expect(mine.body.grants.map((g: any) => g.id)).toEqual([second.body.grant.id]);
    const rows = await grantRow(p.user.id, d.user.id);
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
    // The doctor sees the grant with the patient's name.
    const theirs = await listGrants(d.token);
    expect(theirs.status).toBe(200);
    expect(theirs.body.grants).toEqual([expect.objectContaining({ id: second.body.grant.id, patient: { id: p.user.id, name: "Rana Patient" } })]);
  });
});

describe("a doctor's access", () => {
  it("without a grant: 404 for the record, its file and the patient's list; no patients listed", async () => {
    const p = await patientWithRecords();
    const d = await approvedDoctor();
    expect(await doctorView(d.token, p.user.id, p.pdf.id)).toEqual({ record: 404, file: 404, list: 404 });
    expect((await patients(d.token)).body.patients).toEqual([]);
  });

  it("with a grant: 200 for every read; revoked: 404 from the very next request", async () => {
    const p = await patientWithRecords("Layla Shared");
    const d = await approvedDoctor();
    const g = (await grant(p.token, d.user.id)).body.grant;

    expect(await doctorView(d.token, p.user.id, p.pdf.id)).toEqual({ record: 200, file: 200, list: 200 });
    const list = await patientRecords(d.token, p.user.id);
    expect(list.body.records.map((r: any) => r.id).sort()).toEqual([p.pdf.id, p.png.id].sort());
    expect((await getRecord(d.token, p.png.id)).body.record).toEqual(p.png);
    const file = await download(d.token, p.pdf.id);
    expect(Buffer.from(await file.arrayBuffer()).equals(pdfBytes())).toBe(true);
    const listed = await patients(d.token);
    expect(listed.body.patients).toEqual([{ id: p.user.id, name: "Layla Shared", grantedAt: g.createdAt, expiresAt: null }]);

    expect((await revoke(p.token, g.id)).status).toBe(200);
    expect(await doctorView(d.token, p.user.id, p.pdf.id)).toEqual({ record: 404, file: 404, list: 404 });
    expect((await patients(d.token)).body.patients).toEqual([]);
    expect((await listGrants(p.token)).body.grants).toEqual([]);
    expect((await revoke(p.token, g.id)).status).toBe(404); // already revoked
  });

  it("after the grant's end: 404", async () => {
    const p = await patientWithRecords();
    const d = await approvedDoctor();
    const g = (await grant(p.token, d.user.id, new Date(Date.now() + 3_600_000).toISOString())).body.grant;
    expect((await getRecord(d.token, p.pdf.id)).status).toBe(200);
    await expireGrant(g.id);
    expect(await doctorView(d.token, p.user.id, p.pdf.id)).toEqual({ record: 404, file: 404, list: 404 });
    expect((await patients(d.token)).body.patients).toEqual([]);
    const listed = (await listGrants(p.token)).body.grants;
    expect(listed).toEqual([expect.objectContaining({ id: g.id, active: false })]);
  });

  it("a doctor who is not approved gets 403 DOCTOR_NOT_APPROVED, also after losing approval", async () => {
    const p = await patientWithRecords();
    const d = await approvedDoctor();
    await grant(p.token, d.user.id);
    expect((await getRecord(d.token, p.pdf.id)).status).toBe(200);
    await setApproval(d.user.id, "rejected");
    for (const res of [
      await getRecord(d.token, p.pdf.id),
      await patientRecords(d.token, p.user.id),
      await patients(d.token),
      await listGrants(d.token),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("DOCTOR_NOT_APPROVED");
    }
    const file = await download(d.token, p.pdf.id);
    expect(file.status).toBe(403);
    const pending = await verifiedDoctor();
    expect((await patients(pending.token)).body.code).toBe("DOCTOR_NOT_APPROVED");
  });

  it("never changes anything: a doctor with a grant cannot delete, upload or revoke", async () => {
    const p = await patientWithRecords();
    const d = await approvedDoctor();
    const g = (await grant(p.token, d.user.id)).body.grant;
    expect((await deleteRecord(d.token, p.pdf.id)).status).toBe(403);
    expect((await upload(d.token, { bytes: pdfBytes(), filename: "x.pdf" })).status).toBe(403);
    expect((await revoke(d.token, g.id)).status).toBe(403);
    expect((await getRecord(p.token, p.pdf.id)).status).toBe(200);
    // Another patient cannot revoke it either.
    const other = await verifiedPatient();
    expect((await revoke(other.token, g.id)).status).toBe(404);
    expect((await getRecord(d.token, p.pdf.id)).status).toBe(200);
  });

  it("patients' APIs are closed to doctors and the doctors' to patients", async () => {
    const p = await verifiedPatient();
    const d = await approvedDoctor();
    expect((await patients(p.token)).status).toBe(403);
    expect((await listRecords(d.token)).status).toBe(403);
    expect((await accessLog(d.token)).status).toBe(403);
    expect((await patients("")).status).toBe(401);
  });
});

describe("the access log", () => {
  it("shows every doctor read and download to the patient, newest first, and nothing else", async () => {
    const p = await patientWithRecords();
    const d = await approvedDoctor({ name: "Dr Watching" });
    const g = (await grant(p.token, d.user.id)).body.grant;

    await patientRecords(d.token, p.user.id);
    await getRecord(d.token, p.pdf.id);
    await (await download(d.token, p.pdf.id)).arrayBuffer();
    await (await download(d.token, p.png.id)).arrayBuffer();
    // The patient's own reads are not doctor views.
    await getRecord(p.token, p.pdf.id);
    await (await download(p.token, p.pdf.id)).arrayBuffer();
    // Refused requests are not views either.
    await revoke(p.token, g.id);
    await getRecord(d.token, p.pdf.id);

    const log = await accessLog(p.token);
    expect(log.status).toBe(200);
    const doctor = { id: d.user.id, name: "Dr Watching" };
    expect(log.body.events).toEqual([
      { at: expect.any(String), doctor, recordId: p.png.id, action: "download" },
      { at: expect.any(String), doctor, recordId: p.pdf.id, action: "download" },
      { at: expect.any(String), doctor, recordId: p.pdf.id, action: "view" },
      { at: expect.any(String), doctor, recordId: null, action: "list" },
    ]);
    // Nobody else sees them.
    const other = await verifiedPatient();
    expect((await accessLog(other.token)).body.events).toEqual([]);
  });
});
