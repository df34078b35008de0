import "server-only";
import { config } from "@/lib/config";
import { AppError } from "./app-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie sessions (docs/RULES.md "Authentication"): a state-changing request that carries our cookie
 * and an Origin other than APP_URL's is refused. SameSite=Lax already stops most cross-site posts;
 * this also covers same-site subdomains and older browsers. Bearer clients send no cookie.
 */
export function assertSameOrigin(request: Request, usesCookie: boolean): void {
  if (!usesCookie || SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin && origin !== config().APP_URL) throw new AppError("FORBIDDEN_ORIGIN");
}
