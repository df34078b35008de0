import "server-only";
import type { Actor } from "@/lib/http/actor";
import { sql } from "drizzle-orm";
import { audit, auditInsert } from "@/lib/audit";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import type { CodePurpose } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { enqueueMail } from "@/lib/mail/queue";
import { emailChangeCodeEmail, resetEmail, signupCodeEmail } from "@/lib/mail/templates";
import { consumeCode, issueCode } from "./store";
import type { Locale } from "@/lib/i18n/locale";

/**
 * The one way a flow sends a code and the one way it checks one (docs/RULES.md "One-time codes").
 * The row mechanics (HMAC, attempt claims, atomic consumption) live in ./store.ts.
 */
export { consumeLink, peekLink, voidCodes } from "./store";

/** No account has this id (ids are random v4 UUIDs): unknown emails run the same claim query. */
const NO_ACCOUNT = "00000000-0000-0000-0000-000000000000";

type SendCode = {
  purpose: CodePurpose;
  user: { id: string };
  /** The address the code goes to: the account's, or the pending new address for change_email. */
  to: string;
  /** Bound into the code (change_email: the pending address). */
  target?: string | null;
  /** Reset only: a link token is issued with the code; using either consumes both. */
  withLink?: boolean;
  actor: Actor | null;
  /** The language of the email: the account's, or for a sign-up the language of that sign-up (docs/I18N.md "Emails"). */
  locale: Locale;
};

/**
 * Issues a fresh code (voiding the previous one of that purpose), queues its email and records the
 * event — all in the caller's transaction, so the code and its message exist together or not at
 * all. The message is dropped, not delivered late, once the code (or link) can no longer be used.
 */
export async function sendCode(tx: Db, opts: SendCode): Promise<void> {
  const cfg = config();
  const { code, link } = await issueCode(tx, { userId: opts.user.id, purpose: opts.purpose, target: opts.target, withLink: opts.withLink });
  const message =
    opts.purpose === "signup" ? signupCodeEmail(opts.to, code, opts.locale)
    : opts.purpose === "reset" ? resetEmail(opts.to, code, link!, opts.locale)
    : emailChangeCodeEmail(opts.to, code, opts.locale);
  const alive = link ? Math.max(cfg.OTP_TTL_SECONDS, cfg.RESET_TOKEN_TTL_SECONDS) : cfg.OTP_TTL_SECONDS;
  await enqueueMail(tx, message, { userId: opts.user.id, expiresAt: sql`now() + make_interval(secs => ${alive})` });
  await auditInsert(tx, "code_sent", opts.actor, opts.user.id, { purpose: opts.purpose });
}

/**
 * Checks and consumes a code of `user` (null for an unknown email, which then does the same work and
 * fails the same way). A wrong code is recorded as `code_failed`. Runs outside any transaction on
 * purpose: a failed guess must stay counted even when the request fails.
 */
export async function checkCode(
  db: Db,
  opts: {
    purpose: CodePurpose;
    user: { id: string } | null | undefined;
    code: string;
    actor: Actor;
    /** Runs once the code is known to be right; if it throws, the code is not used up. */
    beforeConsume?: () => Promise<void>;
  },
): Promise<{ target: string | null }> {
  try {
    const consumed = await consumeCode(db, { userId: opts.user?.id ?? NO_ACCOUNT, purpose: opts.purpose, code: opts.code, beforeConsume: opts.beforeConsume });
    if (!opts.user) throw new AppError("INVALID_CODE"); // unreachable: no code row exists for NO_ACCOUNT
    return consumed;
  } catch (e) {
    if (opts.user && e instanceof AppError && e.code === "INVALID_CODE") {
      await audit("code_failed", opts.actor, opts.user.id, { purpose: opts.purpose });
    }
    throw e;
  }
}
