import "server-only";
import { createHmac } from "node:crypto";
import { and, eq, inArray, like, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mailQueue, securityEvents, throttles, users } from "@/lib/db/schema";
import { derivedKey } from "./secrets";

/**
 * Removing an account for good, shared by a superadmin's immediate DELETE /api/users/{id}
 * (docs/ADMIN.md "What an action does") and the owner's own deletion once its grace period is over
 * (docs/PRIVACY.md "Deletion"). Sessions, codes, factors, sign-ups, the doctor profile, records,
 * their bytes and grants cascade from the users row; what does not cascade is removed here.
 * The audit trail stays, still under the account's id, without the addresses and names it held.
 */

/** Audit events whose detail names the person (an address, a former name). */
const PERSONAL_EVENTS = ["email_changed", "email_change_requested", "user_renamed"] as const;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A keyed hash of an address (HMAC-SHA-256 under a key derived from AUTH_SECRET): whoever runs the
 * server can still answer "was this address's account deleted?" for an address they are given,
 * but the trail alone, or a copy of it, cannot be turned back into addresses by trying a list.
 */
export const emailHmac = (email: string) => createHmac("sha256", derivedKey("audit-email")).update(email).digest("hex");

export async function eraseAccount(tx: Db, target: { id: string; email: string }): Promise<void> {
  await tx
    .update(securityEvents)
    .set({ detail: sql`(coalesce(${securityEvents.detail}, '{}'::jsonb) - 'from' - 'to' - 'newEmail' - 'before' - 'after') || '{"redacted": true}'::jsonb` })
    .where(and(eq(securityEvents.userId, target.id), inArray(securityEvents.type, PERSONAL_EVENTS)));
  await tx
    .delete(throttles)
    .where(or(like(throttles.key, `%:${likeEscape(target.email)}`), like(throttles.key, `%:${target.id}`)));
  // Queued and sent mail holds the address, names and (expired) codes: it goes with the account.
  await tx.delete(mailQueue).where(or(eq(mailQueue.userId, target.id), eq(mailQueue.to, target.email)));
  await tx.delete(users).where(eq(users.id, target.id));
}
