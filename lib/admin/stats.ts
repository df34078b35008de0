import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { doctorProfiles, users } from "@/lib/db/schema";

/**
 * The admin home's counts, in one pass over users (docs/ADMIN.md): doctors waiting for a decision
 * (verified only: an unconfirmed sign-up cannot be approved), suspended accounts, and confirmed
 * accounts created in the last 7 days.
 */
export async function adminStats() {
  const db = await getDb();
  const [row] = await db
    .select({
      pendingDoctors: sql<number>`count(*) filter (where ${users.role} = 'doctor' and ${doctorProfiles.approval} = 'pending' and ${users.emailVerifiedAt} is not null)::int`,
      suspendedUsers: sql<number>`count(*) filter (where ${users.status} = 'suspended')::int`,
      signupsThisWeek: sql<number>`count(*) filter (where ${users.emailVerifiedAt} is not null and ${users.createdAt} > now() - interval '7 days')::int`,
    })
    .from(users)
    .leftJoin(doctorProfiles, eq(doctorProfiles.userId, users.id));
  return {
    pendingDoctors: Number(row?.pendingDoctors ?? 0),
    suspendedUsers: Number(row?.suspendedUsers ?? 0),
    signupsThisWeek: Number(row?.signupsThisWeek ?? 0),
  };
}
