// The server entry (npm run dev / npm start). Next's own server keeps a client-sent
// X-Forwarded-For, so any client could pick the IP its rate limits are counted against. Here the
// header is overwritten with the socket address unless TRUST_PROXY=1 says a proxy in front of us
// appends the real one (the app then reads the last hop: lib/http/client-ip.ts).
import { createServer } from "node:http";
import next from "next";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "1";

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error("Invalid configuration:\n  PORT: must be a whole number from 1 to 65535");
  process.exit(1);
}

const app = next({ dev, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

// Next drops Content-Length from route handler responses (it cannot know whether a body was
// decoded on the way), so a streamed download would go out chunked, with no length for the browser
// to show progress or to detect a cut-off file. A route that knows its exact length says so in this
// private header (lib/records/download.ts); here it becomes the real Content-Length.
const LENGTH_HEADER = "x-caregate-content-length";
function passContentLength(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    const length = res.getHeader(LENGTH_HEADER);
    if (length !== undefined) {
      res.removeHeader(LENGTH_HEADER);
      if (/^\d+$/.test(String(length)) && !res.hasHeader("content-encoding")) res.setHeader("content-length", String(length));
    }
    return writeHead.apply(this, args);
  };
}

const server = createServer((req, res) => {
  const peer = req.socket.remoteAddress ?? "";
  if (!trustProxy || !req.headers["x-forwarded-for"]) req.headers["x-forwarded-for"] = peer;
  passContentLength(res);
  handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`CareGate ${dev ? "(development)" : ""} ready on http://localhost:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    process.exit(0);
  });
}
