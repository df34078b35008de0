import { type NextRequest, NextResponse } from "next/server";
import { sessionCookieName } from "@/lib/auth/session/cookie";
import { verifySessionToken } from "@/lib/auth/session/tokens";
import { PROTECTED_PREFIXES, loginRedirectPath } from "@/lib/auth/session/redirects";

/**
 * A redirect convenience and the CSP nonce, nothing more: the JWT is checked here only to send
 * signed-out visitors to the sign-in page early. Every page and handler re-checks the session
 * against the database (ARCHITECTURE convention 6).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PROTECTED_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const token = request.cookies.get(sessionCookieName())?.value;
    if (!token || !(await verifySessionToken(token))) {
      return NextResponse.redirect(new URL(loginRedirectPath(pathname + search), request.url));
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function contentSecurityPolicy(nonce: string): string {
  // React's dev tooling needs eval; production never gets it.
  const devEval = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devEval}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
