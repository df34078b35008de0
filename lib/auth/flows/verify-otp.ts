import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, desc, eq, sql } from "drizzle-orm";
import { audit } from "@/lib/audit";
import { checkCode } from "@/lib/auth/codes";
import { createSession } from "@/lib/auth/session/sessions";
import { findUserByEmail, isUniqueViolation, loadPublicUser } from "@/lib/auth/users";
import { type Db, getDb } from "@/lib/db/client";
import { doctorProfiles, signups, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { config } from "@/lib/config";
import { rememberDevice } from "@/lib/notifications/new-device";

/**
 * POST /api/auth/verify-otp (docs/RULES.md "API: accounts and sessions", "Sign-up details"): confirms
 * the signup code and signs the account in. Unknown emails, wrong, expired and used codes all
 * answer the same INVALID_CODE. The account gets the details of the sign-up the request is bound to
 * (`signupId`, from the body or the sign-up cookie) whichever current code was entered. Without a
 * binding (or with one that names no sign-up of this account) they are applied only when the choice
 * is clear — one live sign-up — and otherwise 409 SIGNUP_AMBIGUOUS leaves everything as it was: a
 * stranger who signed up again with the owner's address must never have their password applied by
 * a code the owner types on another device.
 */
export async function verifySignup(actor: Actor, email: string, code: string, signupId?: string | null) {
  const db = await getDb();
  const user = await findUserByEmail(db, email);
  if (!user || user.emailVerifiedAt) throw new AppError("INVALID_CODE");
  let chosenId: string | null | undefined = await boundSignupId(db, user.id, signupId);
  const settle = chosenId === undefined ? async () => void (chosenId = await onlyLiveSignupId(db, user.id)) : undefined;
  await checkCode(db, { purpose: "signup", user, code, actor, beforeConsume: settle });

  const verified = await db
    .transaction(async (tx) => {
      const [chosen] = chosenId ? await tx.select().from(signups).where(eq(signups.id, chosenId)) : [];
      const details = chosen ? { name: chosen.name, phone: chosen.phone, passwordHash: chosen.passwordHash, role: chosen.role, locale: chosen.locale } : {};
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

  // The account's first device is remembered without an alert (docs/NOTIFICATIONS.md "New-device sign-in").
  const session = await createSession(db, verified, actor, "password", [rememberDevice(db, verified.id, actor)]);
  await audit("code_verified", actor, user.id, { purpose: "signup", bound: Boolean(signupId) });
  return { user: await loadPublicUser(db, verified), ...session };
}

/** The sign-up the request is bound to, if it is one of this account's; undefined otherwise. */
async function boundSignupId(db: Db, userId: string, signupId?: string | null): Promise<string | undefined> {
  if (!signupId) return undefined;
  const [bound] = await db.select({ id: signups.id }).from(signups).where(and(eq(signups.id, signupId), eq(signups.userId, userId)));
  return bound?.id;
}

/**
 * Without a binding: the one sign-up younger than the code lifetime (or, when none is that young,
 * the only one there is). Two or more → 409 SIGNUP_AMBIGUOUS. null: the account has no sign-up row.
 */
async function onlyLiveSignupId(db: Db, userId: string): Promise<string | null> {
  const rows = await db
    .select({ id: signups.id, live: sql<boolean>`${signups.createdAt} > now() - make_interval(secs => ${config().OTP_TTL_SECONDS})` })
    .from(signups)
    .where(eq(signups.userId, userId))
    .orderBy(desc(signups.createdAt), desc(signups.id));
  const live = rows.filter((r) => r.live);
  const candidates = live.length > 0 ? live : rows;
  if (candidates.length > 1) throw new AppError("SIGNUP_AMBIGUOUS");
  return candidates[0]?.id ?? null;
}
