import "server-only";
import type { Actor } from "@/lib/http/actor";
import { type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { knownDevices, mailQueue, type User } from "@/lib/db/schema";
import { ensureMailSender, MAIL_CHANNEL } from "@/lib/mail/sender";
import { deviceName } from "./device";
import { newDeviceEmail } from "./emails";

/**
 * The new-device sign-in alert (docs/NOTIFICATIONS.md "New-device sign-in"): a security email, sent
 * when a sign-in comes from a device (browser and system) the account has not used in the last 90
 * days. Both functions return writes for createSession's `alongside`, so the alert and the device
 * record are part of the very statement that creates the session: they exist exactly when it does,
 * and sign-in pays no extra round trip.
 */
export const DEVICE_MEMORY_DAYS = 90;

/** Every sign-in: remember the device, and queue the alert when it is new. */
export function newDeviceAlert(db: Db, user: Pick<User, "id" | "email" | "locale">, actor: Pick<Actor, "ip" | "userAgent">): SQLWrapper[] {
  const device = deviceName(actor.userAgent);
  const m = newDeviceEmail(user.email, { at: new Date(), device, ip: actor.ip }, user.locale);
  // All parts of one statement see the table as it was before it, so this check is not fooled by
  // the upsert beside it. RETURNING pg_notify wakes every instance's sender, only when a row was queued.
  const alert = sql`insert into ${mailQueue} ("to", "subject", "text", "html", "user_id")
    select ${m.to}, ${m.subject}, ${m.text}, ${m.html}, ${user.id}::uuid
    where not exists (
      select 1 from ${knownDevices}
      where ${knownDevices.userId} = ${user.id} and ${knownDevices.device} = ${device}
        and ${knownDevices.lastSeenAt} > now() - make_interval(days => ${DEVICE_MEMORY_DAYS})
    )
    returning pg_notify(${MAIL_CHANNEL}, '')`;
  ensureMailSender();
  return [alert, rememberDevice(db, user.id, actor, device)];
}

/**
 * Only remembers the device: the sign-in that completes sign-up is the account's first, and the
 * person has just proved they read its mailbox, so there is nothing to warn about.
 */
export function rememberDevice(db: Db, userId: string, actor: Pick<Actor, "userAgent">, device = deviceName(actor.userAgent)): SQLWrapper {
  return db
    .insert(knownDevices)
    .values({ userId, device })
    .onConflictDoUpdate({ target: [knownDevices.userId, knownDevices.device], set: { lastSeenAt: sql`now()` } });
}
