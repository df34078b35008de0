import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { doctorProfiles, users } from "@/lib/db/schema";
import { signupCodeEmail } from "@/lib/mail/templates";
import { sendEmail } from "@/lib/mail/send";
import { AppError } from "@/lib/http/app-error";
import { audit } from "@/lib/audit";
import { claimCodeEmail, releaseCodeCooldown } from "@/lib/auth/throttle/code-email";
import { issueCode } from "@/lib/auth/codes/store";
import { assertPasswordPolicy, hashPassword } from "@/lib/auth/passwords";
import { findUserByEmail } from "@/lib/auth/users";

export type SignupData = { name: string; email: string; password: string; phone?: string | null };
export type DoctorData = { specialty: string; licenseNumber: string };

/**
 * Patient and doctor signup (SPEC §1, §3). A verified email is taken (409); an unverified account is
 * taken over by signing up again — its fields are replaced and a fresh code voids the old one — so a
 * stranger's abandoned signup never blocks the real owner. A repeat inside the resend cooldown
 * answers the same 201 and changes nothing: every password that can be confirmed has had its own code.
 */
export async function signup(request: Request, data: SignupData, doctor?: DoctorData): Promise<{ email: string }> {
  const db = await getDb();
  assertPasswordPolicy(data.password, data.email);

  const existing = await findUserByEmail(db, data.email);
  if (existing?.emailVerifiedAt) throw new AppError("EMAIL_TAKEN");
  if (doctor) await assertLicenseFree(doctor.licenseNumber);

  const slot = await claimCodeEmail("signup", data.email);
  if (!slot.ok) return { email: data.email };

  const passwordHash = await hashPassword(data.password);
  const role = doctor ? "doctor" : "patient";
  const fields = { name: data.name, phone: data.phone ?? null, passwordHash, role } as const;

  const issued = await db.transaction(async (tx) => {
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

    await tx.delete(doctorProfiles).where(eq(doctorProfiles.userId, user.id));
    if (doctor) await tx.insert(doctorProfiles).values({ userId: user.id, ...doctor });

    const code = await issueCode(tx, { userId: user.id, purpose: "signup" });
    return { userId: user.id, code: code.code };
  });

  await audit("signup", request, issued.userId, { role, takeover: Boolean(existing) });
  try {
    await sendEmail(signupCodeEmail(data.email, issued.code));
  } catch (e) {
    await releaseCodeCooldown("signup", data.email);
    throw e;
  }
  await audit("code_sent", request, issued.userId, { purpose: "signup" });
  return { email: data.email };
}

/** A licence held by a verified doctor is taken; unverified claims never block (issue 3). */
async function assertLicenseFree(licenseNumber: string): Promise<void> {
  const db = await getDb();
  const [held] = await db
    .select({ userId: doctorProfiles.userId })
    .from(doctorProfiles)
    .where(and(eq(doctorProfiles.licenseNumber, licenseNumber), eq(doctorProfiles.licenseVerified, true)));
  if (held) throw new AppError("LICENSE_TAKEN");
}
