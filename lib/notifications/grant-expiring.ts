import "server-only";
import { and, gt, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { approvedDoctorWhere } from "@/lib/auth/policy";
import { recordGrants, users } from "@/lib/db/schema";
import { enqueueMail } from "@/lib/mail/queue";
import { grantExpiringDoctorEmail, grantExpiringPatientEmail } from "./emails";

/**
 * "Sharing ends soon" (docs/NOTIFICATIONS.md "Grant expiring"): the retention job tells the patient
 * and the doctor, each if they have it on, once a live grant is 3 days or less from its end. The
 * grant remembers it (`expiryNoticeAt`) in the same transaction as the emails, so the reminder is
 * sent once, whichever instance runs the job. A grant made for less than 3 days is reminded at the
 * next run: the doctor learns the end date too.
 */
export const GRANT_EXPIRING_DAYS = 3;

export async function queueGrantExpiryReminders(tx: Db): Promise<number> {
  const g = recordGrants;
  const due = await tx
    .update(g)
    .set({ expiryNoticeAt: sql`now()` })
    .where(
      and(
        isNull(g.revokedAt),
        isNull(g.expiryNoticeAt),
        isNotNull(g.expiresAt),
        gt(g.expiresAt, sql`now()`),
        lte(g.expiresAt, sql`now() + make_interval(days => ${GRANT_EXPIRING_DAYS})`),
        // A grant to a doctor who is no longer approved is not active: nothing to remind.
        approvedDoctorWhere(g.doctorId),
      ),
    )
    .returning({ patientId: g.patientId, doctorId: g.doctorId, expiresAt: g.expiresAt });
  if (due.length === 0) return 0;

  const ids = [...new Set(due.flatMap((d) => [d.patientId, d.doctorId]))];
  const people = new Map(
    (
      await tx
        .select({ id: users.id, email: users.email, name: users.name, on: users.notifyGrantExpiring, status: users.status, locale: users.locale })
        .from(users)
        .where(inArray(users.id, ids))
    ).map((u) => [u.id, u]),
  );
  let queued = 0;
  for (const d of due) {
    const patient = people.get(d.patientId);
    const doctor = people.get(d.doctorId);
    if (!patient || !doctor || !d.expiresAt) continue;
    if (patient.on && patient.status === "active") {
      await enqueueMail(tx, grantExpiringPatientEmail(patient.email, patient.id, doctor.name, d.expiresAt, patient.locale), { userId: patient.id });
      queued++;
    }
    if (doctor.on && doctor.status === "active") {
      await enqueueMail(tx, grantExpiringDoctorEmail(doctor.email, doctor.id, patient.name, d.expiresAt, doctor.locale), { userId: doctor.id });
      queued++;
    }
  }
  return queued;
}

