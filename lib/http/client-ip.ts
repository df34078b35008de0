import "server-only";
import ipaddr from "ipaddr.js";
import { config } from "@/lib/config";
import { clientAddress, compileTrust } from "@/lib/runtime/client-address.mjs";

/**
 * The client's IP address (docs/DECISIONS.md "Trusted proxies").
 *
 * Only the server entry (scripts/serve.mjs) sees the socket, so it computes the address — the
 * first untrusted hop from the right of socket + X-Forwarded-For under TRUST_PROXY, with
 * proxy-addr — and hands it over in CLIENT_IP_HEADER, which it overwrites on every request, so a
 * client-sent copy never arrives. It marks its process with ENTRY_MARKER; without that mark (the
 * integration tests calling handlers in-process, or `next dev`/`next start` run directly) the
 * header is ignored, as nothing would have removed a forged one.
 */
export const CLIENT_IP_HEADER = "x-caregate-client-ip";
export const ENTRY_MARKER = "CAREGATE_ENTRY";

/** Anything with request headers: a Request, or a page's `headers()` wrapped as `{ headers }`. */
export type HeaderSource = { headers: Pick<Headers, "get"> };

export function clientIp(request: HeaderSource): string {
  if (process.env[ENTRY_MARKER] === "serve") return normaliseIp(request.headers.get(CLIENT_IP_HEADER) ?? "") || "unknown";
  return normaliseIp(withoutEntry(request)) || "local";
}

/**
 * No socket address is visible here. With TRUST_PROXY set, the same algorithm runs as if the
 * socket were the nearest trusted proxy: `1` → the last X-Forwarded-For hop (what the tests use
 * to choose their IP), N → the N-th from the right, a list → the first hop from the right not in
 * it. Unset → one shared bucket: safe (nobody escapes a limit), if crude.
 */
function withoutEntry(request: HeaderSource): string {
  const setting = config().TRUST_PROXY;
  if (setting.kind === "none") return "";
  const trust = compileTrust(setting);
  return clientAddress("unknown", request.headers.get("x-forwarded-for"), (address, i) => i === 0 || trust(address, i));
}

/** A parsable IP in its usual text form (IPv4-mapped IPv6 as IPv4), or "" for anything else. */
export function normaliseIp(raw: string): string {
  const text = raw.trim().slice(0, 100);
  if (!ipaddr.isValid(text)) return "";
  const ip = ipaddr.parse(text);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) return (ip as ipaddr.IPv6).toIPv4Address().toString();
  return ip.toString();
}

/**
 * The key a client IP is rate-limited under. An IPv6 client is one /64: a single subscriber is
 * routinely given a whole /64 (or more) and can pick a new address in it for every request, so
 * per-address buckets would not limit anyone. IPv4 (and anything unparsable) is its own key.
 */
export function ipBucket(ip: string): string {
  if (!ipaddr.IPv6.isValid(ip) || ipaddr.IPv4.isValid(ip)) return ip;
  const parts = (ipaddr.parse(ip) as ipaddr.IPv6).parts;
  return `${parts.slice(0, 4).map((p) => p.toString(16)).join(":")}::/64`;
}

export function userAgent(request: HeaderSource): string | null {
  return request.headers.get("user-agent")?.slice(0, 300) ?? null;
}
