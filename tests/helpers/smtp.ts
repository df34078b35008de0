import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * Mail: a real SMTP server that keeps what the app sends (smtp-server + mailparser), and reading
 * what arrived (codes, reset links). No app imports. Each integration test file starts with an empty
 * capture (mail.ts, with `settle`); the browser tests share one for the whole run (tests/e2e/mailbox.ts).
 */

/** An email as tests read it (plain data, so it can cross a process boundary). */
export type Email = { to: string[]; from: string; subject: string; text: string; html: string };
export type CapturedEmail = Email & { raw: ParsedMail };

/** What tests need of a mailbox, wherever the capture runs. */
export type Mailbox = { waitFor(to: string, n?: number, timeoutMs?: number): Promise<Email> };

/** A capture on 127.0.0.1. `setFailing(true)` makes it refuse messages, to test undeliverable mail. */
export async function startSmtpCapture() {
  const messages: CapturedEmail[] = [];
  const waiters = new Set<() => void>();
  let failing = false;
  let connections = 0;

  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, _session, callback) {
      if (failing) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("451 capture is refusing mail"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const to = [parsed.to].flat().flatMap((a) => a?.value.map((v) => v.address?.toLowerCase() ?? "") ?? []);
          messages.push({
            to,
            from: parsed.from?.text ?? "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            raw: parsed,
          });
          for (const w of waiters) w();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;

  const matching = (to: string) => messages.filter((m) => m.to.includes(to.toLowerCase()));

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Emails to `to` received so far. */
    to: (to: string) => matching(to),
    /** Waits for the n-th (1-based) email to `to`. */
    async waitFor(to: string, n = 1, timeoutMs = 5000): Promise<CapturedEmail> {
      const deadline = Date.now() + timeoutMs;
      while (matching(to).length < n) {
        if (Date.now() > deadline) throw new Error(`no email #${n} to ${to} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const w = () => (waiters.delete(w), resolve());
          waiters.add(w);
          setTimeout(w, 100);
        });
      }
      return matching(to)[n - 1]!;
    },
    /** SMTP connections opened to the capture so far. */
    connections: () => connections,
    setFailing(value: boolean) {
      failing = value;
    },
    /** Forgets what arrived and accepts mail again: the next test file starts with an empty mailbox. */
    reset() {
      messages.length = 0;
      failing = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpCapture = Awaited<ReturnType<typeof startSmtpCapture>>;

/** The 6-digit code standing alone on a line of the text part. */
export function codeFrom(email: Pick<Email, "text">): string {
  const m = email.text.match(/^\s*(\d{6})\s*$/m);
  if (!m) throw new Error(`no standalone 6-digit code in: ${email.text}`);
  return m[1]!;
}

/** The password-reset link in the text part. */
export function linkFrom(email: Pick<Email, "text">): string {
  const m = email.text.match(/https?:\/\/\S+\/auth\/reset-password\?token=[A-Za-z0-9_-]+/);
  if (!m) throw new Error(`no reset link in: ${email.text}`);
  return m[0];
}

/** A 6-digit code that is certainly not `code`. */
export const otherCode = (code: string, k = 1) => String((Number(code) + k) % 1_000_000).padStart(6, "0");
