import "server-only";
import type { Actor } from "@/lib/http/actor";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { doctorProfiles, type User, users } from "@/lib/db/schema";
import { audit } from "@/lib/audit";
import { loadPublicUser } from "@/lib/auth/users";

/** GET /api/users/me: the caller as the API shows users (doctor fields included for doctors). */
export async function getMe(user: User) {
  return loadPublicUser(await getDb(), user);
}

export type ProfileChanges = {
  name?: string;
  phone?: string | null;
  dob?: string | null;
  gender?: User["gender"] | null;
  locale?: User["locale"];
  specialty?: string;
};

/**
 * PATCH /api/users/me: only the listed profile fields; email, password, role, licence and approval
 * have their own flows (or none) and are ignored here. `specialty` applies to doctors only.
 * `locale` is the account's language (docs/I18N.md "Which language"): its pages, the emails queued
 * from then on, and the API's error messages follow it.
 */
export async function updateProfile(actor: Actor, user: User, changes: ProfileChanges) {
  const db = await getDb();
  const { specialty, ...own } = changes;
  const set = Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined));
  const updated = await db.transaction(async (tx) => {
    const [u] = await tx
      .update(users)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(users.id, user.id))
      .returning();
    if (specialty !== undefined && u!.role === "doctor") {
      await tx.update(doctorProfiles).set({ specialty }).where(eq(doctorProfiles.userId, u!.id));
    }
    return u!;
  });
  await audit("profile_updated", actor, user.id, { fields: Object.keys(changes) });
  return loadPublicUser(db, updated);
}
