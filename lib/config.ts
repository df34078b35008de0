import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseTrustProxy, type TrustSetting } from "@/lib/runtime/client-address.mjs";
import { LOG_LEVELS } from "@/lib/runtime/log-levels.mjs";
import { type ClamdAddress, parseClamdUrl } from "@/lib/scan/address";

/**
 * The environment of docs/RULES.md "Configuration", parsed once. A bad value throws a ConfigError that names the
 * variable; the server entry point (scripts/serve.mjs via instrumentation) prints it and exits.
 * Rules that docs/RULES.md "Configuration" lets configuration change are here too, so the
 * benchmark can raise throttles without code changes.
 */

const seconds = z.coerce.number().int().positive();
const count = z.coerce.number().int().positive();
const flag = z.enum(["0", "1"]).transform((v) => v === "1");
/** docs/RULES.md "Configuration", TRUST_PROXY: a hop count or a comma list of proxy addresses/CIDRs (scripts/serve.mjs reads it the same way). */
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): TrustSetting => {
    try {
      return parseTrustProxy(v);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
      return z.NEVER;
    }
  });

/** docs/RULES.md "Configuration", CLAMD_URL: the ClamAV daemon every upload is scanned by. */
const clamdUrl = z
  .string()
  .optional()
  .transform((v, ctx): ClamdAddress | undefined => {
    if (v === undefined) return undefined;
    try {
      return parseClamdUrl(v);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
      return z.NEVER;
    }
  });

const ROLES = ["patient", "doctor", "admin", "superadmin"] as const;
/** A comma list of roles ("admin, doctor"), or "none" to require a second factor of nobody. */
const roleList = z
  .string()
  .transform((v) => (v.trim().toLowerCase() === "none" ? [] : v.split(",").map((r) => r.trim()).filter(Boolean)))
  .pipe(z.array(z.enum(ROLES, { error: `must be a comma list of ${ROLES.join(", ")} (or none)` })));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL")
    .optional(),
  // Production refuses to start without SMTP_URL unless this demo opt-in says so (docs/RULES.md "Configuration").
  MAIL_OUTBOX: flag.default(false),
  EMAIL_FROM: z.string().min(3).default("CareGate <no-reply@localhost>"),
  APP_URL: z
    .url({ protocol: /^https?$/ })
    .default("http://localhost:3000")
    .transform((u) => new URL(u).origin),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  TRUST_PROXY: trustProxy,
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  OTP_TTL_SECONDS: seconds.default(600),
  RESEND_COOLDOWN_SECONDS: seconds.default(60),
  RESET_TOKEN_TTL_SECONDS: seconds.default(600),
  SESSION_IDLE_SECONDS: seconds.default(1800),
  SESSION_MAX_SECONDS: seconds.default(43200),
  REAUTH_MAX_AGE_SECONDS: seconds.default(600),
  // Second factor (docs/MFA.md "Policy"): who must set one, and how many days they have to do it.
  MFA_REQUIRED_ROLES: roleList.default(["admin", "superadmin", "doctor"]),
  MFA_GRACE_DAYS: z.coerce.number({ error: "must be a whole number of days" }).int("must be a whole number of days").min(0, "must not be negative").max(365, "must be at most 365").default(7),
  // Throttles (defaults of docs/RULES.md "Configuration"). Raised only by the benchmark, which says so in its output.
  OTP_MAX_ATTEMPTS: count.default(5),
  OTP_MAX_FAILURES_PER_HOUR: count.default(10),
  RESEND_MAX_PER_HOUR: count.default(5),
  LOGIN_FREE_FAILURES: count.default(5),
  LOGIN_HARD_STOP: count.default(100),
  IP_LIMIT_PER_MINUTE: count.default(30),
  IP_LIMIT_PER_HOUR: count.default(300),
  // Uploads (docs/RULES.md "Uploads"): "10 MB" is read as 10 MiB (docs/DECISIONS.md "10 MB means 10 MiB").
  RECORD_MAX_BYTES: count.default(10 * 1024 * 1024),
  RECORDS_PER_PATIENT: count.default(200),
  CLAMD_URL: clamdUrl,
  // Your data (docs/PRIVACY.md): the grace before a deletion the owner asked for is carried out, and
  // how many exports an account may make in 24 hours (each reads every file it holds).
  DELETION_GRACE_SECONDS: seconds.default(30 * 24 * 3600),
  EXPORTS_PER_DAY: count.default(3),
  // How often the retention job runs (purges, and the deletions whose grace is over).
  RETENTION_INTERVAL_SECONDS: seconds.default(300),
});

export type Config = z.infer<typeof EnvSchema> & { AUTH_SECRET: string; secretWasGenerated: boolean };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Empty strings count as unset, as in most .env tooling. */
function cleanEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") out[k] = v;
  return out;
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(cleanEnv(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const cfg = parsed.data;
  if (cfg.SESSION_IDLE_SECONDS > cfg.SESSION_MAX_SECONDS) {
    throw new ConfigError("Invalid configuration:\n  SESSION_IDLE_SECONDS: must not exceed SESSION_MAX_SECONDS");
  }
  if (cfg.NODE_ENV === "production" && !cfg.SMTP_URL && !cfg.MAIL_OUTBOX) {
    throw new ConfigError(
      "Invalid configuration:\n  SMTP_URL: required in production (smtp://user:pass@host:port), or set MAIL_OUTBOX=1 to keep mail in a local outbox for a demo",
    );
  }
  if (cfg.AUTH_SECRET) return { ...cfg, AUTH_SECRET: cfg.AUTH_SECRET, secretWasGenerated: false };
  return { ...cfg, AUTH_SECRET: loadOrCreateSecret(cfg.DATA_DIR), secretWasGenerated: true };
}

/** One generated secret per DATA_DIR, so sessions survive restarts of a single instance. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

const globalForConfig = globalThis as unknown as { __caregateConfig?: Config };

export function config(): Config {
  globalForConfig.__caregateConfig ??= parseConfig();
  return globalForConfig.__caregateConfig;
}

/** Local plain-http development is the only place a session cookie may be sent without Secure. */
export function cookieIsSecure(): boolean {
  return new URL(config().APP_URL).protocol === "https:";
}
