import { randomInt } from "node:crypto";
import { decodeJwt } from "jose";
import { assertDocumented } from "./contracts";

/**
 * Calling route handlers in-process, exactly as Next would: a real Request in, a real Response out
 * (`call`), and reading what comes back (cookies, session ids). Shortcuts for particular routes
 * are in api.ts.
 */

// Kept importable from here: most test files import it beside `call`. Defined in data.ts.
export { uniqueEmail } from "./data";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", unknown>>;

export type CallOptions = {
  body?: unknown;
  /** Raw body text, sent as-is (for malformed-JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Client IP (via X-Forwarded-For, TRUST_PROXY=1 in tests). Random by default so IP limits don't couple tests. */
  ip?: string;
  token?: string;
  cookie?: string;
  origin?: string;
  params?: Record<string, string>;
  path?: string;
};

export type CallResult = { status: number; body: any; headers: Headers; cookie: string | null };

export const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * Calls a route handler exactly as Next would: a real Request in, a real Response out. Every answer
 * must be one the route's contract documents (status, body schema, error code, Retry-After), or the
 * call throws: the API document is checked by every integration test, not only by its own.
 */
export async function call(route: RouteModule, method: keyof RouteModule, opts: CallOptions = {}): Promise<CallResult> {
  const fn = route[method] as Handler | undefined;
  if (!fn) throw new Error(`route has no ${method} handler`);
  const headers = new Headers(opts.headers);
  headers.set("x-forwarded-for", opts.ip ?? randomIp());
  if (!headers.has("user-agent")) headers.set("user-agent", "vitest");
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  if (opts.cookie) headers.set("cookie", opts.cookie);
  if (opts.origin) headers.set("origin", opts.origin);
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const request = new Request(`http://localhost:3000${opts.path ?? "/api/test"}`, { method, headers, body });
  const response = await fn(request, { params: Promise.resolve(opts.params ?? {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  await assertDocumented(fn, { status: response.status, body: parsed, headers: response.headers });
  const setCookie = response.headers.get("set-cookie");
  return { status: response.status, body: parsed, headers: response.headers, cookie: setCookie };
}

/** "<session cookie name>=…" from a Set-Cookie header, ready to send back as a Cookie header. */
export function cookiePair(setCookie: string | null): string {
  if (!setCookie) throw new Error("no Set-Cookie header");
  return setCookie.split(";")[0]!;
}

/** The session id (`sid` claim) a token names. */
export const sessionIdOf = (token: string) => decodeJwt(token).sid as string;
