import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Email, Mailbox, SmtpCapture } from "../helpers/smtp";

/**
 * The browser tests' shared mailbox over loopback HTTP. The SMTP capture lives in vitest's main
 * process (tests/setup/e2e-app.ts) beside the one shared server, for the whole run; test files run
 * in worker processes, so they read it through a tiny endpoint instead of sharing memory:
 * `GET /wait?to=&n=&timeoutMs=` answers with the n-th email to that address as soon as it arrives
 * (the capture's own waitFor), or 404 with the reason.
 */

export async function serveMailbox(capture: SmtpCapture): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method !== "GET" || url.pathname !== "/wait") {
      res.writeHead(404).end();
      return;
    }
    const to = url.searchParams.get("to") ?? "";
    const n = Number(url.searchParams.get("n") ?? "1");
    const timeoutMs = Number(url.searchParams.get("timeoutMs") ?? "5000");
    capture.waitFor(to, n, timeoutMs).then(
      ({ to, from, subject, text, html }) => {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ to, from, subject, text, html } satisfies Email));
      },
      (e: Error) => res.writeHead(404, { "content-type": "text/plain" }).end(e.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The client side, with the same `waitFor` as a local capture. */
export function remoteMailbox(url: string): Mailbox {
  return {
    async waitFor(to, n = 1, timeoutMs = 5000) {
      const query = new URLSearchParams({ to, n: String(n), timeoutMs: String(timeoutMs) });
      const res = await fetch(`${url}/wait?${query}`);
      if (!res.ok) throw new Error(await res.text());
      return (await res.json()) as Email;
    },
  };
}
