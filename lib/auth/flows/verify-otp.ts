import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { audit } from "@/lib/audit";
import { checkCode } from "@/lib/auth/codes";
import { createSession } from "@/lib/auth/session/sessions";
import { findUserByEmail, isUniqueViolation, loadPublicUser } from "@/lib/auth/users";
import { type Db, getDb } from "@/lib/db/client";
import { doctorProfiles, signups, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";

/**
 * POST /api/auth/verify-otp (docs/RULES.md "API: accounts and sessions", "Sign-up details"): confirms
 * the signup code and signs the account in. Unknown emails, wrong, expired and used codes all
 * answer the same INVALID_CODE. The account gets the details of the sign-up the request is bound to
 * (`signupId`, from the body or the sign-up cookie) whichever current code was entered; without a
 * binding (or with one that names no sign-up of this account) those of the latest sign-up.
 */
export async function verifySignup(request: Request, email: string, code: string, signupId?: string | null) {
  const db = await getDb();
  const user = await findUserByEmail(db, email);
  if (!user || user.emailVerifiedAt) throw new AppError("INVALID_CODE");
  await checkCode(db, { purpose: "signup", user, code, request });

  const verified = await db
    .transaction(async (tx) => {
      const chosen = await chooseSignup(tx, user.id, signupId);
      const details = chosen ? { name: chosen.name, phone: chosen.phone, passwordHash: chosen.passwordHash, role: chosen.role } : {};
      const [u] = await tx
        .update(users)
        .set({ ...details, emailVerifiedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(users.id, user.id))
        .returning();
      if (chosen) {
        await tx.delete(doctorProfiles).where(eq(doctorProfiles.userId, u!.id));
        if (chosen.role === "doctor") {
          await tx.insert(doctorProfiles).values({ userId: u!.id, specialty: chosen.specialty!, licenseNumber: chosen.licenseNumber! });
        }
      }
      if (u!.role === "doctor") {
        // The partial unique index decides between two unverified claims of one licence.
        await tx.update(doctorProfiles).set({ licenseVerified: true }).where(eq(doctorProfiles.userId, u!.id));
      }
      await tx.delete(signups).where(eq(signups.userId, u!.id)); // settled: nobody else's details may apply later
      return u!;
    })
    .catch((e) => {
      if (isUniqueViolation(e, "doctor_license_verified_uq")) throw new AppError("LICENSE_TAKEN");
      throw e;
    });

  const session = await createSession(db, verified, request);
  await audit("code_verified", request, user.id, { purpose: "signup", bound: Boolean(signupId) });
  return { user: await loadPublicUser(db, verified), ...session };
}

async function chooseSignup(tx: Db, userId: string, signupId?: string | null) {
  if (signupId) {
    const [bound] = await tx.select().from(signups).where(and(eq(signups.id, signupId), eq(signups.userId, userId)));
    if (bound) return bound;
  }
  const [latest] = await tx.select().from(signups).where(eq(signups.userId, userId)).orderBy(desc(signups.createdAt), desc(signups.id)).limit(1);
  return latest;
}
