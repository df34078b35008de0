import "server-only";
import { config } from "@/lib/config";

/**
 * The client's IP address. scripts/serve.mjs (our server entry) overwrites X-Forwarded-For with
 * the socket address unless TRUST_PROXY=1, and with TRUST_PROXY=1 a trusted proxy appends the
 * address it saw as the last hop. Either way the last hop is the one nobody else can forge.
 */
export function clientIp(request: Request): string {
  const xff = request.headers.get("x-forwarded-for");
  const last = xff?.split(",").at(-1)?.trim();
  if (last) return normaliseIp(last);
  return config().TRUST_PROXY ? "unknown" : "local";
}

function normaliseIp(ip: string): string {
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}

export function userAgent(request: Request): string | null {
  return request.headers.get("user-agent")?.slice(0, 300) ?? null;
}
