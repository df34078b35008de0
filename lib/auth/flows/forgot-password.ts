import "server-only";
import type { Actor } from "@/lib/http/actor";
import { createHmac, randomBytes } from "node:crypto";
import { audit } from "@/lib/audit";
import { checkCode, sendCode } from "@/lib/auth/codes";
import { generateCode } from "@/lib/auth/codes/store";
import { completeReset } from "@/lib/auth/flows/reset-password";
import { assertPasswordPolicy } from "@/lib/auth/passwords";
import { requireCodeEmail } from "@/lib/auth/throttle/code-email";
import { findUserByEmail } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";

/**
 * POST /api/auth/forgot-password/request (docs/RULES.md "API: passwords and email"). Known and
 * unknown emails get the same answer, the same throttle (keyed by the email, claimed before the
 * lookup) and comparable work: a known account gets a code + link (one row: using either consumes
 * both) queued in one transaction; an unknown one costs the same token generation and HMAC and an
 * audit row. No answer waits on SMTP (the mail queue sends it), so the time does not tell who has
 * an account. Unverified accounts get the email too: finishing the reset verifies the address.
 */
export async function requestPasswordReset(actor: Actor, email: string): Promise<void> {
  await requireCodeEmail("reset", email);
  const db = await getDb();
  const user = await findUserByEmail(db, email);
  if (!user) {
    createHmac("sha256", randomBytes(32)).update(`${email}|${generateCode()}|${randomBytes(32).toString("base64url")}`).digest();
    await audit("password_reset_requested", actor, null, { knownEmail: false });
    return;
  }
  await db.transaction(async (tx) => {
    await sendCode(tx, { purpose: "reset", user, to: email, withLink: true, actor, locale: user.locale });
  });
  await audit("password_reset_requested", actor, user.id, { knownEmail: true });
}

/**
 * POST /api/auth/forgot-password/verify. Confirmation and policy are checked before the code is
 * touched, so a typo in the new password does not burn the code; unknown emails do the same claim
 * work and answer the same INVALID_CODE.
 */
export async function resetWithCode(actor: Actor, email: string, code: string, password: string): Promise<void> {
  assertPasswordPolicy(password, email, "password");
  const db = await getDb();
  const user = await findUserByEmail(db, email);
  await checkCode(db, { purpose: "reset", user, code, actor });
  await completeReset(actor, user!.id, password, "code");
}
