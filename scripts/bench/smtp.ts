import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on 127.0.0.1 for the app to deliver to (the same smtp-server + mailparser pair
 * as tests/helpers/smtp.ts, which the benchmark does not reuse because it is built for a handful of
 * messages: it scans every message on each wait and has no connection-error handler, so the
 * server's pooled SMTP connections being cut at shutdown would crash the benchmark).
 * Only the 6-digit code of each message is kept, indexed by recipient.
 */
export async function startMailCapture() {
  const codes = new Map<string, string[]>();
  const waiters = new Map<string, () => void>();
  let received = 0;

  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const code = parsed.text?.match(/^\s*(\d{6})\s*$/m)?.[1];
          for (const rcpt of session.envelope.rcptTo) {
            const to = rcpt.address.toLowerCase();
            if (code) codes.set(to, [...(codes.get(to) ?? []), code]);
            waiters.get(to)?.();
          }
          received++;
          callback();
        })
        .catch(callback);
    },
  });
  // The app's pooled connections are cut when its process ends: expected, not a failure.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    /** Messages received so far (all recipients). */
    received: () => received,
    /** The first code emailed to `to`, waiting for it if needed. */
    async codeFor(to: string, timeoutMs = 15_000): Promise<string> {
      const key = to.toLowerCase();
      const deadline = Date.now() + timeoutMs;
      while (!codes.get(key)?.length) {
        if (Date.now() > deadline) throw new Error(`no code emailed to ${to} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 250);
          waiters.set(key, () => (clearTimeout(timer), resolve()));
        });
        waiters.delete(key);
      }
      return codes.get(key)![0]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MailCapture = Awaited<ReturnType<typeof startMailCapture>>;
