import "server-only";
import { config } from "@/lib/config";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie sessions (docs/RULES.md "Authentication"): a state-changing request that carries our cookie
 * and an Origin other than APP_URL's is refused. SameSite=Lax already stops most cross-site posts;
 * this also covers same-site subdomains and older browsers. Bearer clients send no cookie. Read into
 * `Credentials.crossOrigin` (./credentials.ts); lib/auth/session refuses it with FORBIDDEN_ORIGIN.
 */
export function isCrossOriginWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get("origin");
  return Boolean(origin) && origin !== config().APP_URL;
}
