import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedEmail = { to: string[]; from: string; subject: string; text: string; html: string; raw: ParsedMail };

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives (smtp-server + mailparser). `failing`
 * makes it refuse messages, to test what the app does when mail cannot be delivered.
 */
export async function startSmtpCapture() {
  const messages: CapturedEmail[] = [];
  const waiters = new Set<() => void>();
  let failing = false;

  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
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

  const matching = (to: string, after: number) => messages.slice(after).filter((m) => m.to.includes(to.toLowerCase()));

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Emails to `to` received so far. */
    to: (to: string) => matching(to, 0),
    /** Waits for the n-th (1-based) email to `to`. */
    async waitFor(to: string, n = 1, timeoutMs = 5000): Promise<CapturedEmail> {
      const deadline = Date.now() + timeoutMs;
      while (matching(to, 0).length < n) {
        if (Date.now() > deadline) throw new Error(`no email #${n} to ${to} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const w = () => (waiters.delete(w), resolve());
          waiters.add(w);
          setTimeout(w, 100);
        });
      }
      return matching(to, 0)[n - 1]!;
    },
    setFailing(value: boolean) {
      failing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpCapture = Awaited<ReturnType<typeof startSmtpCapture>>;

/** The 6-digit code standing alone on a line of the text part (SPEC §4). */
export function codeFrom(email: CapturedEmail): string {
  const m = email.text.match(/^\s*(\d{6})\s*$/m);
  if (!m) throw new Error(`no standalone 6-digit code in: ${email.text}`);
  return m[1]!;
}

export function linkFrom(email: CapturedEmail): string {
  const m = email.text.match(/https?:\/\/\S+\/auth\/reset-password\?token=[A-Za-z0-9_-]+/);
  if (!m) throw new Error(`no reset link in: ${email.text}`);
  return m[0];
}
