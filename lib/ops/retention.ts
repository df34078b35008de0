import "server-only";
import { createHash } from "node:crypto";
import { and, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { type Db, getDb } from "@/lib/db/client";
import { knownDevices, mailQueue, mfaChallenges, recordViewNotices, sessions, throttles, users, verificationCodes, webauthnChallenges } from "@/lib/db/schema";
import { queueGrantExpiryReminders } from "@/lib/notifications/grant-expiring";
import { DEVICE_MEMORY_DAYS } from "@/lib/notifications/new-device";
import { RECORD_VIEWED_EVERY_HOURS } from "@/lib/notifications/record-viewed";
import { ABANDONED_UPLOAD_SECONDS, blobStore } from "@/lib/records/blob-store";
import { BLANKED_BODY } from "@/lib/mail/sender";
import { carryOutDueDeletions } from "@/lib/account-data/carry-out";

/**
 * The retention job (docs/RULES.md "Retention"). Every few minutes one instance — whichever takes the
 * advisory lock — deletes what no rule needs any more. Audit events are kept.
 *
 * What "no longer needed" means is set by the rules that read each row:
 * - codes and links: dead, *and* past the hour whose wrong guesses their row counts (deleting it
 *   earlier would hand a guesser a fresh hourly budget);
 * - sessions: ended, idle or past their absolute limit (none of them can ever be used again);
 * - throttle rows: past every window they count; sign-in back-off rows after a quiet day, unless
 *   they reached the hard stop, which lasts until a password reset; second-factor rows never (a
 *   right code or a password reset clears them);
 * - mail: sent or dropped more than 7 days ago; before that, the body of a code or link email once
 *   its code is dead (the sender blanks it at delivery already when it goes out over SMTP);
 * - unverified accounts whose last sign-up is more than 7 days old (each purge is audited with the
 *   account id and a hash of the address, not the address);
 * - record uploads still pending after an hour: their process died mid-upload (a failed upload
 *   deletes its own bytes; docs/RECORDS.md);
 * - two-step sign-in and passkey challenges once used or expired (5 minutes): a used or expired one
 *   is refused anyway, and the passwordless ones are made for anyone who asks, so they must not pile up;
 * - known devices not signed in from for 90 days, and "record viewed" marks older than their 24 hours
 *   (docs/NOTIFICATIONS.md): past those, the rules that read them treat them as absent anyway;
 * - accounts whose owner asked for their deletion and whose grace period is over: after the purge,
 *   by the instance that took the lock, one transaction per account (lib/account-data/carry-out.ts).
 *
 * It also queues the "sharing ends soon" reminders (docs/NOTIFICATIONS.md "Grant expiring").
 */
const LOCK_KEY = 0x63617265; // "care": one advisory lock for the whole job

export type RetentionReport = {
  skipped: boolean;
  codes: number;
  sessions: number;
  throttles: number;
  mail: number;
  accounts: number;
  uploads: number;
  challenges: number;
  notices: number;
  reminders: number;
  deletions: number;
};

export async function runRetention(db?: Db): Promise<RetentionReport> {
  const d = db ?? (await getDb());
  const report = await purge(d);
  if (report.skipped) return report;
  return { ...report, deletions: await carryOutDueDeletions(d) };
}

async function purge(d: Db): Promise<RetentionReport> {
  const cfg = config();
  return d.transaction(async (tx) => {
    const locked = (await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`)) as unknown as { rows: { ok: boolean }[] };
    const [lock] = locked.rows;
    if (!lock?.ok) return { skipped: true, codes: 0, sessions: 0, throttles: 0, mail: 0, accounts: 0, uploads: 0, challenges: 0, notices: 0, reminders: 0, deletions: 0 };

    const c = verificationCodes;
    const codes = await tx
      .delete(c)
      .where(
        and(
          sql`((${c.codeHash} IS NULL AND ${c.linkHash} IS NULL) OR (${c.expiresAt} <= now() AND ${c.createdAt} <= now() - make_interval(secs => ${cfg.OTP_TTL_SECONDS})))`,
          lt(c.hourStartedAt, sql`now() - interval '1 hour'`),
        ),
      )
      .returning({ id: c.id });

    const ended = await tx
      .delete(sessions)
      .where(
        or(
          sql`${sessions.endedAt} IS NOT NULL`,
          lt(sessions.expiresAt, sql`now()`),
          lt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${cfg.SESSION_IDLE_SECONDS})`),
        ),
      )
      .returning({ id: sessions.id });

    const t = throttles;
    const backoff = sql`(${t.key} LIKE 'login:%' OR ${t.key} LIKE 'reauth:%')`;
    // Second-factor guesses are never forgotten by time: only a right code or a password reset
    // clears them, or a password holder would get a fresh budget of guesses every quiet day.
    const secondFactor = sql`${t.key} LIKE 'mfa:%'`;
    const oldThrottles = await tx
      .delete(t)
      .where(
        or(
          sql`(${t.key} LIKE 'ip-min:%' AND ${t.windowStartedAt} < now() - interval '2 minutes')`,
          sql`(NOT ${backoff} AND NOT ${secondFactor} AND ${t.windowStartedAt} < now() - interval '1 day')`,
          sql`(${backoff} AND ${t.count} < ${cfg.LOGIN_HARD_STOP} AND ${t.lastAt} < now() - interval '1 day')`,
        ),
      )
      .returning({ key: t.key });

    // The local outbox keeps delivered code emails readable while the code lives; then they are blanked too.
    await tx
      .update(mailQueue)
      .set({ text: BLANKED_BODY, html: BLANKED_BODY })
      .where(and(inArray(mailQueue.status, ["sent", "dropped"]), lt(mailQueue.expiresAt, sql`now()`), ne(mailQueue.text, BLANKED_BODY)));

    const mail = await tx
      .delete(mailQueue)
      .where(and(inArray(mailQueue.status, ["sent", "dropped"]), sql`coalesce(${mailQueue.sentAt}, ${mailQueue.createdAt}) < now() - interval '7 days'`))
      .returning({ id: mailQueue.id });

    const purged = await tx
      .delete(users)
      .where(and(isNull(users.emailVerifiedAt), lt(users.updatedAt, sql`now() - interval '7 days'`)))
      .returning({ id: users.id, email: users.email });
    for (const u of purged) {
      const emailSha256 = createHash("sha256").update(u.email).digest("hex");
      await auditInsert(tx, "account_purged", null, null, { purgedUserId: u.id, emailSha256, reason: "unverified_7_days" });
    }

    const uploads = await blobStore.sweepPending(ABANDONED_UPLOAD_SECONDS, tx);

    const mfa = await tx
      .delete(mfaChallenges)
      .where(or(sql`${mfaChallenges.usedAt} IS NOT NULL`, lt(mfaChallenges.expiresAt, sql`now()`)))
      .returning({ id: mfaChallenges.id });
    const webauthn = await tx.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, sql`now()`)).returning({ id: webauthnChallenges.id });

    const devices = await tx
      .delete(knownDevices)
      .where(lt(knownDevices.lastSeenAt, sql`now() - make_interval(days => ${DEVICE_MEMORY_DAYS})`))
      .returning({ userId: knownDevices.userId });
    const viewed = await tx
      .delete(recordViewNotices)
      .where(lt(recordViewNotices.sentAt, sql`now() - make_interval(hours => ${RECORD_VIEWED_EVERY_HOURS})`))
      .returning({ patientId: recordViewNotices.patientId });
    const reminders = await queueGrantExpiryReminders(tx);

    return {
      skipped: false,
      codes: codes.length,
      sessions: ended.length,
      throttles: oldThrottles.length,
      mail: mail.length,
      accounts: purged.length,
      uploads,
      challenges: mfa.length + webauthn.length,
      notices: devices.length + viewed.length,
      reminders,
      deletions: 0,
    };
  });
}

/** Runs the job every RETENTION_INTERVAL_SECONDS in this process (the lock makes one instance do it). */
export function startRetention(): () => void {
  const g = globalThis as unknown as { __caregateRetention?: NodeJS.Timeout };
  if (!g.__caregateRetention) {
    g.__caregateRetention = setInterval(() => {
      runRetention()
        .then((r) => log.info(r, "retention job"))
        .catch((err) => log.error({ err }, "retention job failed"));
    }, config().RETENTION_INTERVAL_SECONDS * 1000);
    g.__caregateRetention.unref();
  }
  return () => {
    clearInterval(g.__caregateRetention);
    g.__caregateRetention = undefined;
  };
}
