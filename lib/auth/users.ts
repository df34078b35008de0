import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type DoctorProfile, doctorProfiles, type User, users } from "@/lib/db/schema";

/**
 * The only shape of a user that leaves the server: never the password hash, tokenVersion, codes
 * or tokens (docs/RULES.md "API conventions"). Doctors carry their profile fields flat, as PATCH /api/users/me takes them.
 */
export type PublicUser = ReturnType<typeof publicUser>;

type PublicDoctorFields = Pick<DoctorProfile, "specialty" | "licenseNumber" | "approval"> & Partial<Pick<DoctorProfile, "rejectionReason">>;

export function publicUser(u: User, doctor?: PublicDoctorFields | null) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    dob: u.dob,
    gender: u.gender,
    role: u.role,
    status: u.status,
    emailVerifiedAt: u.emailVerifiedAt,
    createdAt: u.createdAt,
    deletionScheduledFor: u.deletionScheduledFor,
    locale: u.locale,
    ...(u.role === "doctor" && doctor
      ? {
          specialty: doctor.specialty,
          licenseNumber: doctor.licenseNumber,
          approval: doctor.approval,
          // A rejected doctor is told why (their dashboard shows it); absent in every other state.
          ...(doctor.approval === "rejected" ? { rejectionReason: doctor.rejectionReason ?? null } : {}),
        }
      : {}),
  };
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return u;
}

export async function doctorProfileOf(db: Db, u: User): Promise<DoctorProfile | null> {
  if (u.role !== "doctor") return null;
  const [p] = await db.select().from(doctorProfiles).where(eq(doctorProfiles.userId, u.id));
  return p ?? null;
}

/** publicUser with the doctor profile loaded when there is one. */
export async function loadPublicUser(db: Db, u: User): Promise<PublicUser> {
  return publicUser(u, await doctorProfileOf(db, u));
}

/** Postgres unique_violation, as raised by node-postgres and PGlite alike (possibly wrapped by drizzle). */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  for (let err = e as { code?: string; constraint?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (err.code === "23505") return !constraint || err.constraint === constraint || String(err).includes(constraint);
  }
  return false;
}
