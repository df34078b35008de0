import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { resetEmail } from "@/lib/mail/templates";
import { sendEmail } from "@/lib/mail/send";
import { AppError, tooMany } from "@/lib/http/app-error";
import { audit } from "@/lib/audit";
import { claimCodeEmail, releaseCodeCooldown } from "@/lib/auth/throttle/code-email";
import { consumeCode, generateCode, issueCode } from "@/lib/auth/codes/store";
import { assertPasswordPolicy } from "@/lib/auth/passwords";
import { completeReset } from "@/lib/auth/flows/reset-password";
import { findUserByEmail } from "@/lib/auth/users";

/** No account has this id (ids are random v4 UUIDs); used to make unknown emails do a real code check. */
const NO_ACCOUNT = "00000000-0000-0000-0000-000000000000";

/**
 * POST /api/auth/forgot-password/request (SPEC §3). Known and unknown emails get the same answer,
 * the same throttle (keyed by the email, claimed before the lookup) and comparable work: a known
 * account gets a code + link (one row: using either consumes both); an unknown one costs the same
 * token generation and HMAC and an audit row. Unverified accounts get the email too: finishing the
 * reset verifies the address. Links come from APP_URL only (resetEmail), never from request headers.
 *
 * Known limit: SMTP delivery happens only for known accounts, so a slow mail server widens the
 * timing gap, and an SMTP outage answers 503 for known emails only. Sending after the answer would
 * hide that but break SPEC §3's 503 EMAIL_FAILED and the "resend works once SMTP is back" promise.
 */
export async function requestPasswordReset(request: Request, email: string): Promise<void> {
  const slot = await claimCodeEmail("reset", email);
  if (!slot.ok) throw tooMany("RESEND_TOO_SOON", slot.retryAfter);

  const db = await getDb();
  const user = await findUserByEmail(db, email);
  if (!user) {
    createHmac("sha256", randomBytes(32)).update(`${email}|${generateCode()}|${randomBytes(32).toString("base64url")}`).digest();
    await audit("password_reset_requested", request, null, { knownEmail: false });
    return;
  }

  const { code, link } = await issueCode(db, { userId: user.id, purpose: "reset", withLink: true });
  try {
    await sendEmail(resetEmail(email, code, link!));
  } catch (e) {
    await releaseCodeCooldown("reset", email);
    throw e;
  }
  await audit("password_reset_requested", request, user.id, { knownEmail: true });
}

/**
 * POST /api/auth/forgot-password/verify. Confirmation and policy are checked before the code is
 * touched, so a typo in the new password does not burn the code. Unknown emails run the same
 * claim query against an account that cannot exist, so they answer INVALID_CODE after similar work.
 * The code is consumed outside any transaction: a wrong guess must stay counted.
 */
export async function resetWithCode(request: Request, email: string, code: string, password: string): Promise<void> {
  assertPasswordPolicy(password, email, "password");
  const db = await getDb();
  const user = await findUserByEmail(db, email);
  try {
    await consumeCode(db, { userId: user?.id ?? NO_ACCOUNT, purpose: "reset", code });
  } catch (e) {
    if (user && e instanceof AppError && e.code === "INVALID_CODE") await audit("code_failed", request, user.id, { purpose: "reset" });
    throw e;
  }
  if (!user) throw new AppError("INVALID_CODE"); // unreachable: no code row exists for NO_ACCOUNT
  await completeReset(request, user.id, password, "code");
}
