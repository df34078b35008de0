import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { type User, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { readUnsubscribeToken } from "./unsubscribe-token";

/**
 * The account's choices of optional email (docs/NOTIFICATIONS.md "Your choices"). Security email
 * has no switch. Every change is audited, with how it was made (account page or unsubscribe link).
 */
export type NotificationPreferences = { recordViewed: boolean; grantExpiring: boolean };
export type PreferenceChanges = Partial<NotificationPreferences>;

const COLUMNS = { recordViewed: users.notifyRecordViewed, grantExpiring: users.notifyGrantExpiring } as const;
const FIELDS = { recordViewed: "notifyRecordViewed", grantExpiring: "notifyGrantExpiring" } as const;

export const preferencesOf = (u: Pick<User, "notifyRecordViewed" | "notifyGrantExpiring">): NotificationPreferences => ({
  recordViewed: u.notifyRecordViewed,
  grantExpiring: u.notifyGrantExpiring,
});

/**
 * Writes only what differs, so a repeated unsubscribe (mail clients retry) or a PATCH of the current
 * values changes no row and records no event. Null when nothing changed (or there is no such account).
 */
async function save(actor: Actor, userId: string, changes: PreferenceChanges, via: "account" | "unsubscribe") {
  const set: Partial<Record<(typeof FIELDS)[keyof typeof FIELDS], boolean>> = {};
  const differs: SQL[] = [];
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const value = changes[key];
    if (value === undefined) continue;
    set[FIELDS[key]] = value;
    differs.push(ne(COLUMNS[key], value));
  }
  if (differs.length === 0) return null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(users.id, userId), or(...differs)))
      .returning({ recordViewed: COLUMNS.recordViewed, grantExpiring: COLUMNS.grantExpiring });
    if (row) await auditInsert(tx, "notifications_changed", actor, userId, { ...changes, via });
    return row ?? null;
  });
}

/** PATCH /api/users/me/notifications: only the keys given change; the answer is the whole set. */
export async function updatePreferences(actor: Actor, user: User, changes: PreferenceChanges): Promise<NotificationPreferences> {
  return (await save(actor, user.id, changes, "account")) ?? preferencesOf(user);
}

/** The account and category of an unsubscribe link; 400 for anything not signed by us. */
export function checkUnsubscribeToken(token: string) {
  const named = readUnsubscribeToken(token);
  if (!named) throw new AppError("UNSUBSCRIBE_LINK_INVALID");
  return named;
}

/**
 * POST /api/unsubscribe/{token}: turns off the one category the link names, without a session
 * (RFC 8058: mail clients post it from anywhere). The token is the only credential. An account
 * deleted since the email was sent has nothing left to turn off: the answer is the same.
 */
export async function unsubscribe(actor: Actor, token: string) {
  const { userId, category } = checkUnsubscribeToken(token);
  await save(actor, userId, { [category]: false }, "unsubscribe");
  return { category };
}
