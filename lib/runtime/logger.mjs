// Plain JavaScript on purpose: scripts/serve.mjs (run by node without a build) logs with the same
// settings as the app (lib/log.ts). One JSON object a line on stdout; no transports (they run in
// worker threads, which Next's bundler breaks), so lines are written synchronously by this process.
import pino from "pino";
import { LOG_LEVELS } from "./log-levels.mjs";

/** LOG_LEVEL if it is one of ours; config.ts reports a bad value at start-up, this just falls back. */
export function logLevelFrom(/** @type {string | undefined} */ value) {
  return LOG_LEVELS.includes(/** @type {any} */ (value)) ? /** @type {(typeof LOG_LEVELS)[number]} */ (value) : "info";
}

/**
 * Keys whose values never reach a line, at the top and two levels down: credentials, codes,
 * tokens and hashes, cookies and authorization headers, request bodies, and a query's text and
 * parameters. A safety net — code logs summaries, never bodies or rows.
 */
const SECRET_KEYS = [
  "password", "currentPassword", "newPassword", "confirmPassword", "passwordHash", "code", "codeHash", "token",
  "tokenHash", "hash", "secret", "cookie", "set-cookie", "authorization", "body", "params", "query", "sql", "detail",
];
const REDACT_PATHS = SECRET_KEYS.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const join = (prefix) => (key.startsWith("[") ? `${prefix}${key}` : `${prefix}.${key}`);
  return [key, join("*"), join("*.*")];
});

/** drizzle's message is "Failed query: <sql>\nparams: <values>"; never let the values through. */
const QUERY_TEXT = /(Failed query:[\s\S]*)$/;
export const scrubText = (/** @type {string} */ s) => s.replace(QUERY_TEXT, "Failed query: [redacted]");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_LIKE = /^[A-Za-z0-9_-]{24,}$/;

/**
 * A URL's path as it may be logged: no query string (it can carry `?token=` and `?email=`), and
 * any segment that looks like a secret (a reset token in /api/auth/reset-password/<token>) is
 * replaced, also when it is one dot-separated part of a segment (a JWT, or an unsubscribe link's
 * `<id>.<category>.<signature>`). Ids (UUIDs) stay: they are what makes a line useful.
 * @param {string} url a path (`/a/b?c`) or an absolute URL
 */
export function safePath(url) {
  const path = (url.startsWith("/") ? url : new URL(url).pathname).split(/[?#]/)[0] ?? "";
  return path
    .split("/")
    .map((seg) => (seg.split(".").some((part) => TOKEN_LIKE.test(part) && !UUID.test(part)) ? "[redacted]" : seg))
    .join("/")
    .slice(0, 300);
}

/** A PostgreSQL error (node-postgres or PGlite): a 5-character SQLSTATE plus the server's fields. */
const isDatabaseError = (/** @type {any} */ e) =>
  e && typeof e === "object" && typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && ("severity" in e || "routine" in e);
const isQueryError = (/** @type {any} */ e) => e && typeof e === "object" && ("params" in e || "query" in e);

/**
 * What an error may say in a log. A database error (or anything wrapping one, like drizzle's
 * DrizzleQueryError) is reduced to its class, SQLSTATE and the names of the constraint, table and
 * column: its message, detail and the failed query carry the row's values — password hashes,
 * emails, phone numbers, dates of birth. Any other error keeps its message (scrubbed) and stack.
 * @param {unknown} err
 */
export function safeError(err) {
  if (!err || typeof err !== "object") return { type: typeof err };
  /** @type {any[]} */
  const chain = [];
  for (let e = /** @type {any} */ (err); e && typeof e === "object" && chain.length < 5; e = e.cause) chain.push(e);
  const type = chain.map((e) => e.constructor?.name ?? "Object").join(" <- ");
  const db = chain.find(isDatabaseError);
  if (db || chain.some(isQueryError)) {
    return { type, database: true, pgCode: db?.code, constraint: db?.constraint, table: db?.table, column: db?.column };
  }
  const e = /** @type {any} */ (err);
  const stack = typeof e.stack === "string" ? e.stack.split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 15).join("\n") : undefined;
  return { type, message: scrubText(String(e.message ?? "")).slice(0, 500), stack };
}

/**
 * @param {{ level?: string, destination?: pino.DestinationStream, mixin?: () => object, name?: string }} [options]
 */
export function createLogger(options = {}) {
  return pino(
    {
      level: logLevelFrom(options.level),
      name: options.name,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: safeError, error: safeError },
      mixin: options.mixin,
      hooks: {
        // pino takes an error's message as the line's message when none is given (`log.error(e)`,
        // `log.error({ err })`): for a query error that message holds the parameters. Always give one.
        logMethod(args, method) {
          let [first, ...rest] = args;
          if (first instanceof Error) first = { err: first };
          const hasError = first && typeof first === "object" && ("err" in first || "error" in first);
          if (hasError && typeof rest[0] !== "string") rest = ["error", ...rest];
          if (typeof rest[0] === "string") rest[0] = scrubText(rest[0]);
          if (typeof first === "string") first = scrubText(first);
          return method.apply(this, /** @type {any} */ ([first, ...rest]));
        },
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
