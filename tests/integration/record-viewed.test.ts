import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as patientRecordsRoute from "@/app/api/patients/[id]/records/route";
import { recordViewNotices } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { db } from "../helpers/db";
import { call } from "../helpers/http";
import { settle } from "../helpers/mail";
import { emailsTo, headerOf, ONE_CLICK, patchPreferences } from "../helpers/notifications";
import { approvedDoctor, download, getRecord, grant, pdfBytes, upload } from "../helpers/records";

/** docs/NOTIFICATIONS.md "Record viewed": a patient hears when a doctor opens their records, once a day per doctor. */
const viewed = (email: string) => emailsTo(email, /opened your health records$/);

async function sharedRecord() {
  const patient = await verifiedPatient();
  const doctor = await approvedDoctor({ name: `Dr Amal ${Math.random().toString(36).slice(2, 8)}` });
  expect((await grant(patient.token, doctor.user.id)).status).toBe(201);
  const up = await upload(patient.token, { bytes: pdfBytes(2000), filename: "bloods.pdf", type: "application/pdf" });
  expect(up.status).toBe(201);
  return { patient, doctor, recordId: up.body.record.id as string };
}

describe("record viewed email", () => {
  it("two reads by one doctor in a day send one email; a second doctor sends another", async () => {
    const { patient, doctor, recordId } = await sharedRecord();
    expect((await getRecord(doctor.token, recordId)).status).toBe(200);
    const file = await download(doctor.token, recordId);
    expect(file.status).toBe(200);
    await file.arrayBuffer();
    expect((await call(patientRecordsRoute, "GET", { token: doctor.token, params: { id: patient.user.id } })).status).toBe(200);
    await settle();
    const [first, ...more] = viewed(patient.email);
    expect(more).toHaveLength(0);
    expect(first!.subject).toBe(`${doctor.user.name} opened your health records`);
    expect(first!.text).toContain(`${doctor.user.name}, a doctor you share your records with, opened them`);
    expect(first!.text).toContain("http://localhost:3000/records");
    expect(headerOf(first!, "List-Unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\/[^>]+>$/);
    expect(headerOf(first!, "List-Unsubscribe-Post")).toBe(ONE_CLICK);

    const second = await approvedDoctor({ name: "Dr Bashir Second" });
    expect((await grant(patient.token, second.user.id)).status).toBe(201);
    expect((await getRecord(second.token, recordId)).status).toBe(200);
    expect((await getRecord(second.token, recordId)).status).toBe(200);
    await settle();
    expect(viewed(patient.email).map((m) => m.subject)).toEqual([first!.subject, "Dr Bashir Second opened your health records"]);
    // Only the patient is told: the doctors' own mailboxes get nothing of the kind.
    expect(viewed(doctor.email)).toHaveLength(0);
  });

  it("tells again after 24 hours", async () => {
    const { patient, doctor, recordId } = await sharedRecord();
    await getRecord(doctor.token, recordId);
    await settle();
    expect(viewed(patient.email)).toHaveLength(1);
    await (await db())
      .update(recordViewNotices)
      .set({ sentAt: sql`now() - interval '24 hours 1 minute'` })
      .where(and(eq(recordViewNotices.patientId, patient.user.id), eq(recordViewNotices.doctorId, doctor.user.id)));
    await getRecord(doctor.token, recordId);
    await settle();
    expect(viewed(patient.email)).toHaveLength(2);
  });

  it("is not sent while the patient has it off, and the read is not affected", async () => {
    const { patient, doctor, recordId } = await sharedRecord();
    expect((await patchPreferences(patient.token, { recordViewed: false })).body).toEqual({ recordViewed: false, grantExpiring: true });
    expect((await getRecord(doctor.token, recordId)).status).toBe(200);
    await settle();
    expect(viewed(patient.email)).toHaveLength(0);
    // Turned back on, the next read is told (the time off did not use up the day).
    await patchPreferences(patient.token, { recordViewed: true });
    await getRecord(doctor.token, recordId);
    await settle();
    expect(viewed(patient.email)).toHaveLength(1);
  });

  it("is not sent when the patient opens their own record", async () => {
    const { patient, recordId } = await sharedRecord();
    expect((await getRecord(patient.token, recordId)).status).toBe(200);
    await settle();
    expect(viewed(patient.email)).toHaveLength(0);
  });
});
