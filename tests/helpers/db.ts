import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { type CodePurpose, doctorProfiles, securityEvents, sessions, users, verificationCodes } from "@/lib/db/schema";

/**
 * Reading the database the app wrote, to assert rows. Changing rows to arrange a test (time
 * travel, ending cooldowns) is in arrange.ts.
 */

/** Direct database access (the app's own client: PGlite in memory, or TEST_DATABASE_URL). */
export const db = () => getDb();

export async function userRow(email: string) {
  const [u] = await (await db()).select().from(users).where(eq(users.email, email));
  return u;
}

/** The user row and doctor profile row (or undefined) of an email. */
export async function accountRows(email: string) {
  const d = await db();
  const [user] = await d.select().from(users).where(eq(users.email, email));
  const [profile] = user ? await d.select().from(doctorProfiles).where(eq(doctorProfiles.userId, user.id)) : [];
  return { user, profile };
}

export async function sessionRow(id: string) {
  const [s] = await (await db()).select().from(sessions).where(eq(sessions.id, id));
  return s;
}

/** The live code row of a user for one purpose (signup, reset, email-change…). */
export async function codeRow(userId: string, purpose: CodePurpose) {
  const [row] = await (await db())
    .select()
    .from(verificationCodes)
    .where(and(eq(verificationCodes.userId, userId), eq(verificationCodes.purpose, purpose)));
  return row;
}

/** The types of the security events recorded about a user. */
export async function auditTypes(userId: string): Promise<string[]> {
  const rows = await (await db()).select({ type: securityEvents.type }).from(securityEvents).where(eq(securityEvents.userId, userId));
  return rows.map((r) => r.type);
}
