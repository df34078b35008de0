import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { mailQueue, recordViewNotices, type User, users } from "@/lib/db/schema";
import { ensureMailSender, MAIL_CHANNEL } from "@/lib/mail/sender";
import { recordViewedEmail } from "./emails";

/**
 * "A doctor opened your records" (docs/NOTIFICATIONS.md "Record viewed"): at most one email per
 * doctor and patient per 24 hours, only while the patient has it on. The doctor's read must not
 * wait for it, so it is not a step of its own: `logged` (the access-log insert the read writes
 * anyway) and the notice are one statement. The notice claims its 24-hour slot with a conditional
 * upsert, so parallel reads queue one email between them.
 */
export const RECORD_VIEWED_EVERY_HOURS = 24;

export function withRecordViewedNotice(logged: SQL, patientId: string, doctor: Pick<User, "id" | "name">): SQL {
  // The patient's language is known only inside the statement: both are written, one is queued.
  const en = recordViewedEmail("", patientId, doctor.name, "en");
  const ar = recordViewedEmail("", patientId, doctor.name, "ar");
  const pick = (part: "subject" | "text" | "html") => sql`case when recipient.locale = 'ar' then ${ar[part]} else ${en[part]} end`;
  const n = recordViewNotices;
  ensureMailSender();
  return sql`with logged as (${logged}),
    recipient as (
      select ${users.email} as email, ${users.locale} as locale from ${users}
      where ${users.id} = ${patientId} and ${users.notifyRecordViewed} and ${users.status} = 'active'
    ),
    claimed as (
      insert into ${n} ("patient_id", "doctor_id", "sent_at")
      select ${patientId}::uuid, ${doctor.id}::uuid, now() from recipient
      on conflict ("patient_id", "doctor_id") do update set "sent_at" = now()
        where ${n.sentAt} <= now() - make_interval(hours => ${RECORD_VIEWED_EVERY_HOURS})
      returning 1
    )
    insert into ${mailQueue} ("to", "subject", "text", "html", "user_id", "headers")
    select recipient.email, ${pick("subject")}, ${pick("text")}, ${pick("html")}, ${patientId}::uuid, ${JSON.stringify(en.headers)}::jsonb
    from recipient, claimed
    returning pg_notify(${MAIL_CHANNEL}, '')`;
}
