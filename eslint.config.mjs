import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Module boundaries (docs/ARCHITECTURE.md "Module map"), enforced rather than
 * remembered. Browser code (components, lib/client) reaches the server only through the JSON API;
 * pages and route handlers reach the database only through a service in a domain module.
 */
const DATABASE = [
  { group: ["@/lib/db", "@/lib/db/*", "drizzle-orm", "drizzle-orm/*", "pg", "@electric-sql/pglite"], message: "Go through a service in lib/<domain> instead of the database." },
];
const SERVER_ONLY = [
  ...DATABASE,
  {
    group: [
      "@/lib/auth/*", "@/lib/auth", "@/lib/admin", "@/lib/admin/*", "@/lib/records", "@/lib/records/*",
      "@/lib/audit", "@/lib/audit/*", "@/lib/mail", "@/lib/mail/*", "@/lib/config", "@/lib/ops", "@/lib/ops/*", "@/lib/log", "@/lib/runtime/*",
      "@/lib/http/*", "!@/lib/http/error-codes", "server-only", "node:*",
    ],
    message: "Browser code must not import server modules; call the JSON API (lib/client/api.ts).",
    // A type-only import is erased at build time: no server code reaches the browser through it.
    allowTypeImports: true,
  },
];

/**
 * The shared layers (lib/http: the request wrapper, responses, rate limits; lib/validation: input
 * schemas) sit below every domain: a domain may use them, never the other way round, or a change in
 * one domain would ripple through every route.
 */
const DOMAINS = [
  {
    group: [
      "@/lib/auth", "@/lib/auth/*", "@/lib/admin", "@/lib/admin/*", "@/lib/records", "@/lib/records/*",
      "@/lib/audit", "@/lib/audit/*", "@/lib/mail", "@/lib/mail/*", "@/lib/ops", "@/lib/ops/*",
    ],
    message: "lib/http and lib/validation are shared layers: they must not import a domain module (docs/ARCHITECTURE.md \"Module map\").",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", ".data/**", "node_modules/**", "lib/db/migrations/**", "next-env.d.ts"] },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: DATABASE }] },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx", "lib/client/**/*.ts", "lib/client/**/*.tsx"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: SERVER_ONLY }] },
  },
  {
    files: ["lib/http/**/*.ts", "lib/validation/**/*.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: DOMAINS }] },
  },
  {
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];

export default config;
