import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, eq, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { sendCode } from "@/lib/auth/codes";
import { assertPasswordPolicy, hashPassword } from "@/lib/auth/passwords";
import { claimCodeEmail } from "@/lib/auth/throttle/code-email";
import { findUserByEmail } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { doctorProfiles, signups, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";

export type SignupData = { name: string; email: string; password: string; phone?: string | null };
export type DoctorData = { specialty: string; licenseNumber: string };

/**
 * POST /api/auth/signup and /api/auth/signup-doctor (docs/RULES.md "Unverified accounts", "Sign-up
 * details"). A verified email is taken (409). An unverified account can be signed up for again, and
 * every sign-up keeps its own details (name, phone, password hash, doctor fields) in `signups`,
 * answered with its `signupId`: verify-otp applies the details of the sign-up it is bound to, so
 * someone who signs up with another person's address cannot plant a password on it.
 *
 * The account row mirrors the latest sign-up that was sent a code (it is what sign-in checks while
 * the email is unconfirmed). The sign-up's language (the actor's: the `locale` cookie, then
 * Accept-Language, docs/I18N.md "Which language") is one of its details: its code email is written
 * in it, and verification gives it to the account. A repeat inside the resend cooldown is recorded but sends nothing and
 * leaves the account row alone.
 */
export async function signup(actor: Actor, data: SignupData, doctor?: DoctorData): Promise<{ email: string; signupId: string }> {
  const db = await getDb();
  assertPasswordPolicy(data.password, data.email);

  const existing = await findUserByEmail(db, data.email);
  if (existing?.emailVerifiedAt) throw new AppError("EMAIL_TAKEN");
  if (doctor) await assertLicenseFree(doctor.licenseNumber);

  const slot = await claimCodeEmail("signup", data.email);
  const passwordHash = await hashPassword(data.password);
  const role = doctor ? "doctor" : "patient";
  const fields = { name: data.name, phone: data.phone ?? null, passwordHash, role, locale: actor.locale } as const;

  return db.transaction(async (tx) => {
    let userId = existing?.id;
    if (slot.ok) {
      const [user] = await tx
        .insert(users)
        .values({ email: data.email, ...fields })
        .onConflictDoUpdate({
          target: users.email,
          set: { ...fields, dob: null, gender: null, updatedAt: sql`now()` },
          setWhere: sql`${users.emailVerifiedAt} IS NULL`,
        })
        .returning({ id: users.id });
      if (!user) throw new AppError("EMAIL_TAKEN"); // verified in the meantime
      userId = user.id;
      await tx.delete(doctorProfiles).where(eq(doctorProfiles.userId, user.id));
      if (doctor) await tx.insert(doctorProfiles).values({ userId: user.id, ...doctor });
      await sendCode(tx, { purpose: "signup", user, to: data.email, actor, locale: actor.locale });
    }
    // Inside the cooldown of an address that has no account (a resend asked for it) there is
    // nothing to bind to; the answer is the same, and the binding simply names no sign-up.
    if (!userId) return { email: data.email, signupId: crypto.randomUUID() };
    const [row] = await tx
      .insert(signups)
      .values({ userId, ...fields, specialty: doctor?.specialty ?? null, licenseNumber: doctor?.licenseNumber ?? null })
      .returning({ id: signups.id });
    await auditInsert(tx, "signup", actor, userId, { role, takeover: Boolean(existing), codeSent: slot.ok });
    return { email: data.email, signupId: row!.id };
  });
}

/** A licence held by a verified doctor is taken; unverified claims never block (docs/RULES.md "Doctor accounts"). */
async function assertLicenseFree(licenseNumber: string): Promise<void> {
  const db = await getDb();
  const [held] = await db
    .select({ userId: doctorProfiles.userId })
    .from(doctorProfiles)
    .where(and(eq(doctorProfiles.licenseNumber, licenseNumber), eq(doctorProfiles.licenseVerified, true)));
  if (held) throw new AppError("LICENSE_TAKEN");
}
