// The server entry (npm run dev / npm start), and the only code that sees the socket. Per request
// it (docs/DECISIONS.md "Our own server entry"):
// - computes the client IP from the socket address and X-Forwarded-For under TRUST_PROXY and
//   passes it to the app in a private header, overwriting any copy a client sent;
// - gives the request an id (X-Request-Id, also overwritten) and logs one access line for it;
// - sends Strict-Transport-Security when APP_URL is https (on every response: pages, API, assets).
// It also routes console output (Next's own messages included) through the JSON logger, so stdout
// is one JSON object a line and an error printed by anyone is reduced to a safe summary.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { format } from "node:util";
import next from "next";
import { clientAddress, compileTrust, parseTrustProxy } from "../lib/runtime/client-address.mjs";
import { createLogger, safePath } from "../lib/runtime/logger.mjs";
import { LENGTH_HEADER } from "../lib/runtime/response-headers.mjs";

const CLIENT_IP_HEADER = "x-caregate-client-ip"; // lib/http/client-ip.ts
const REQUEST_ID_HEADER = "x-request-id"; // lib/log.ts
const HSTS = "max-age=31536000; includeSubDomains";

const log = createLogger({ level: process.env.LOG_LEVEL });
routeConsole(log);
// Static assets log at debug, everything else at info: below info, no access line is ever written.
const accessLog = log.isLevelEnabled("info");

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
const trust = compileTrust(setting("TRUST_PROXY", parseTrustProxy));
const hsts = setting("APP_URL", (v) => (v ?? "").trim().toLowerCase().startsWith("https://"));
if (!Number.isInteger(port) || port < 1 || port > 65535) fail("PORT: must be a whole number from 1 to 65535");

// The app trusts CLIENT_IP_HEADER only in a process this entry marked (lib/http/client-ip.ts).
process.env.CAREGATE_ENTRY = "serve";

const app = next({ dev, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

// A route that knows its exact length sends it in LENGTH_HEADER, because Next drops Content-Length
// (lib/runtime/response-headers.mjs says why); here it becomes the real Content-Length.
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
  const started = process.hrtime.bigint();
  const reqId = randomUUID();
  req.headers[REQUEST_ID_HEADER] = reqId;
  req.headers[CLIENT_IP_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trust);
  res.setHeader("X-Request-Id", reqId);
  if (hsts) res.setHeader("Strict-Transport-Security", HSTS);
  // "close" rather than "finish": a request whose client went away is logged too. Nothing is
  // built or listened for when info lines are off (LOG_LEVEL=warn): it was ≈ 3 % of a cheap request.
  if (accessLog) res.once("close", () => {
    const path = safePath(req.url ?? "/");
    const ms = Number((process.hrtime.bigint() - started) / 1000n) / 1000;
    const line = { reqId, method: req.method, path, status: res.statusCode, ms, ...(res.writableFinished ? {} : { aborted: true }) };
    // Static assets are many and dull: only at debug.
    if (path.startsWith("/_next/")) log.debug(line, "request");
    else log.info(line, "request");
  });
  passContentLength(res);
  handle(req, res);
});
server.listen(port, hostname, () => {
  log.info({ port, dev }, `CareGate${dev ? " (development)" : ""} ready on http://localhost:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    process.exit(0);
  });
}

/** A variable read here as well as by lib/config.ts: a bad value stops start-up, named, in the same words. */
function setting(name, parse) {
  try {
    return parse(process.env[name] === "" ? undefined : process.env[name]);
  } catch (e) {
    fail(`${name}: ${e.message}`);
  }
}

function fail(message) {
  log.error(`Invalid configuration:\n  ${message}`);
  process.exit(1);
}

/**
 * console.* → the logger. Strings keep their printf formatting; Error arguments become a safe
 * summary (a query error loses its parameters) instead of being printed with their message.
 */
function routeConsole(logger) {
  const levels = { debug: "debug", log: "info", info: "info", warn: "warn", error: "error" };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => {
      const errors = args.filter((a) => a instanceof Error);
      const rest = args.filter((a) => !(a instanceof Error));
      const msg = format(...rest).trim() || (errors.length ? "error" : "");
      if (errors.length) logger[level]({ err: errors[0], console: method }, msg);
      else logger[level]({ console: method }, msg);
    };
  }
}
