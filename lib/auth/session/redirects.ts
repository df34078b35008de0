import "server-only";
/** Pages that need a signed-in visitor; the proxy redirects, the pages re-check. */
export const PROTECTED_PREFIXES = ["/dashboard", "/account", "/admin", "/records", "/patients"] as const;

/**
 * `next` is honoured only for same-origin relative paths: one leading slash, no "//" or "/\"
 * (protocol-relative), no scheme, no control characters.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/dashboard"): string {
  if (!next || next.length > 512) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(next)) return fallback;
  try {
    const u = new URL(next, "http://caregate.invalid");
    if (u.origin !== "http://caregate.invalid") return fallback;
    // Dot segments can collapse into a protocol-relative path: "/..//evil.com" → "//evil.com".
    if (u.pathname.startsWith("//")) return fallback;
    return u.pathname + u.search + u.hash;
  } catch {
    return fallback;
  }
}

export const loginRedirectPath = (path: string) => `/auth/login?next=${encodeURIComponent(path)}`;
