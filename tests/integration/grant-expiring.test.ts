import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordGrants } from "@/lib/db/schema";
import { runRetention } from "@/lib/ops/retention";
import { verifiedPatient } from "../helpers/accounts";
import { db } from "../helpers/db";
import { settle } from "../helpers/mail";
import { emailsTo, headerOf, ONE_CLICK, patchPreferences } from "../helpers/notifications";
import { approvedDoctor, grant } from "../helpers/records";

/** docs/NOTIFICATIONS.md "Grant expiring": patient and doctor hear 3 days before a grant ends, once, from the retention job. */
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const patientReminders = (email: string) => emailsTo(email, /^Your sharing with .+ ends soon$/);
const doctorReminders = (email: string) => emailsTo(email, /shared records close soon$/);

async function grantEnding(days: number) {
  const patient = await verifiedPatient({ name: "Nadia Patient" });
  const doctor = await approvedDoctor({ name: "Dr Omar Expiry" });
  const res = await grant(patient.token, doctor.user.id, inDays(days));
  expect(res.status).toBe(201);
  return { patient, doctor, grantId: res.body.grant.id as string };
}

describe("grant expiring reminder", () => {
  it("is sent once to the patient and the doctor by the retention job, 3 days before the end", async () => {
    const { patient, doctor, grantId } = await grantEnding(2.5);
    await runRetention();
    await settle();
    const [toPatient, ...morePatient] = patientReminders(patient.email);
    const [toDoctor, ...moreDoctor] = doctorReminders(doctor.email);
    expect(morePatient).toHaveLength(0);
    expect(moreDoctor).toHaveLength(0);
    expect(toPatient!.subject).toBe("Your sharing with Dr Omar Expiry ends soon");
    expect(toPatient!.text).toContain("Dr Omar Expiry can see your health records until");
    expect(toDoctor!.subject).toBe("Nadia Patient's shared records close soon");
    for (const m of [toPatient!, toDoctor!]) {
      expect(headerOf(m, "List-Unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\/[^>]+\.grantExpiring\.[^>]+>$/);
      expect(headerOf(m, "List-Unsubscribe-Post")).toBe(ONE_CLICK);
    }
    const [row] = await (await db()).select().from(recordGrants).where(eq(recordGrants.id, grantId));
    expect(row!.expiryNoticeAt).not.toBeNull();

    await runRetention();
    await settle();
    expect(patientReminders(patient.email)).toHaveLength(1);
    expect(doctorReminders(doctor.email)).toHaveLength(1);
  });

  it("waits until the grant is 3 days from its end", async () => {
    const { patient, doctor, grantId } = await grantEnding(10);
    await runRetention();
    await settle();
    expect(patientReminders(patient.email)).toHaveLength(0);
    await (await db()).update(recordGrants).set({ expiresAt: sql`now() + interval '71 hours'` }).where(eq(recordGrants.id, grantId));
    await runRetention();
    await settle();
    expect(patientReminders(patient.email)).toHaveLength(1);
    expect(doctorReminders(doctor.email)).toHaveLength(1);
  });

  it("respects each person's choice, and skips grants without an end or already revoked", async () => {
    const { patient, doctor } = await grantEnding(1);
    await patchPreferences(doctor.token, { grantExpiring: false });
    const other = await verifiedPatient();
    await grant(other.token, doctor.user.id); // no end date
    await runRetention();
    await settle();
    expect(patientReminders(patient.email)).toHaveLength(1);
    expect(doctorReminders(doctor.email)).toHaveLength(0);
    expect(patientReminders(other.email)).toHaveLength(0);

    const revoked = await grantEnding(2);
    await (await db()).update(recordGrants).set({ revokedAt: sql`now()` }).where(eq(recordGrants.id, revoked.grantId));
    await runRetention();
    await settle();
    expect(patientReminders(revoked.patient.email)).toHaveLength(0);
  });
});
