import "server-only";
import { AppError } from "@/lib/http/app-error";
import { log } from "@/lib/log";
import { deliver, type Message } from "./transport";

/**
 * Hands a message to SMTP (or the outbox). A failure becomes 503 EMAIL_FAILED; callers send only
 * after their transaction has committed, so what was saved stays saved (SPEC §3) and a resend works
 * once SMTP is back.
 */
export async function sendEmail(message: Message): Promise<void> {
  try {
    await deliver(message);
  } catch (e) {
    log.error({ err: e }, "email delivery failed");
    throw new AppError("EMAIL_FAILED");
  }
}

/**
 * Notices about a change that has already been committed (password changed, email changed). A
 * delivery failure is logged (by sendEmail) but does not fail the request: answering 503 would tell
 * the user the change failed when it did not, and a retry would then hit "wrong password" or
 * "invalid code". The change is recorded in the audit trail either way.
 */
export async function sendNotice(message: Message): Promise<boolean> {
  try {
    await sendEmail(message);
    return true;
  } catch {
    return false;
  }
}
