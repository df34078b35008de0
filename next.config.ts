import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_HEADERS, UNSUBSCRIBE_PAGE_CSP } from "./lib/runtime/response-headers.mjs";

/**
 * Headers every response carries (docs/DECISIONS.md "Security headers"). Pages get their nonce-based Content-Security-Policy
 * from proxy.ts; API responses are data, so their CSP forbids everything.
 */
const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // The e2e suite and the benchmark build into their own folders so they never clobber `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // pino is loaded by Node, not bundled: bundling breaks its worker-thread transports (we use
  // none, but its optional requires still have to resolve at run time).
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  poweredByHeader: false,
  // The browser tests' build (tests/setup/e2e-build.ts) sets this: `npm test` runs tsc after the
  // build, over the sources and the route types the build generates, so the check inside the build
  // (about 45 s of it) was done twice.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      {
        source: "/api/:path*",
        // no-store and the API's CSP, which replaces the one a route sets (a record download's).
        headers: API_HEADERS,
      },
      // Later rules win for the same header: the unsubscribe page's form must be able to post.
      { source: "/api/unsubscribe/:token", headers: [{ key: "Content-Security-Policy", value: UNSUBSCRIBE_PAGE_CSP }] },
      { source: "/(dashboard|account|records|patients)(.*)", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

// next-intl finds its per-request configuration in i18n/request.ts (docs/I18N.md).
export default createNextIntlPlugin()(nextConfig);
