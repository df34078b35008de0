import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { EmailSchema, NewPasswordSchema } from "@/lib/validation/fields";
import { endAllSessions } from "@/lib/auth/session/sessions";
import { assertPasswordPolicy, hashPassword } from "@/lib/auth/passwords";
import { findUserByEmail } from "@/lib/auth/users";

/**
 * `npm run create-superadmin`: creates the first superadmin, verified, or promotes an existing
 * verified account (keeping its password unless one is given); an unverified one only with a new
 * password. There are no default credentials. A
 * promotion is a role change, so it ends the account's sessions (docs/RULES.md "Revocation").
 */
export async function createSuperadmin(input: { email: string; password?: string; name?: string }) {
  const email = EmailSchema.parse(input.email);
  const db = await getDb();
  const existing = await findUserByEmail(db, email);
  let passwordHash: string | undefined;
  if (input.password !== undefined) {
    NewPasswordSchema.parse(input.password);
    assertPasswordPolicy(input.password, email);
    passwordHash = await hashPassword(input.password);
  }

  if (existing && !existing.emailVerifiedAt && !passwordHash) {
    // Anyone can sign up with any address: an unverified account may be a stranger's, holding a
    // password the stranger chose. Promote it only when its password is replaced here.
    throw new Error(`${email} has not confirmed its email. Promote it with --password, which replaces its password.`);
  }
  if (existing) {
    await db
      .update(users)
      .set({
        role: "superadmin",
        status: "active",
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        ...(passwordHash ? { passwordHash } : {}),
        updatedAt: sql`now()`,
      })
      .where(sql`${users.id} = ${existing.id}`);
    await endAllSessions(db, existing.id);
    return { email, created: false };
  }
  if (!passwordHash) throw new Error("A new superadmin needs --password.");
  await db.insert(users).values({
    email,
    name: input.name ?? "Administrator",
    passwordHash,
    role: "superadmin",
    emailVerifiedAt: sql`now()`,
  });
  return { email, created: true };
}
