import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { doctorProfiles, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { audit } from "@/lib/audit";
import { consumeCode } from "@/lib/auth/codes/store";
import { createSession } from "@/lib/auth/session/sessions";
import { findUserByEmail, isUniqueViolation, loadPublicUser } from "@/lib/auth/users";

/**
 * Confirms the signup code and signs the account in (SPEC §3 verify-otp). Unknown emails, wrong,
 * expired and used codes all answer the same INVALID_CODE. The code is consumed outside the
 * transaction on purpose: a failed guess must stay counted even when the request fails.
 */
export async function verifySignup(request: Request, email: string, code: string) {
  const db = await getDb();
  const user = await findUserByEmail(db, email);
  if (!user || user.emailVerifiedAt) throw new AppError("INVALID_CODE");

  try {
    await consumeCode(db, { userId: user.id, purpose: "signup", code });
  } catch (e) {
    if (e instanceof AppError && e.code === "INVALID_CODE") await audit("code_failed", request, user.id, { purpose: "signup" });
    throw e;
  }

  const verified = await db.transaction(async (tx) => {
    const [u] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, user.id))
      .returning();
    if (u!.role === "doctor") {
      // The partial unique index decides between two unverified claims of one licence.
      await tx.update(doctorProfiles).set({ licenseVerified: true }).where(eq(doctorProfiles.userId, u!.id));
    }
    return u!;
  }).catch((e) => {
    if (isUniqueViolation(e, "doctor_license_verified_uq")) throw new AppError("LICENSE_TAKEN");
    throw e;
  });

  const session = await createSession(db, verified, request);
  await audit("code_verified", request, user.id, { purpose: "signup" });
  return { user: await loadPublicUser(db, verified), ...session };
}
