import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const parse = (env: Record<string, string>) => parseConfig(env as unknown as NodeJS.ProcessEnv);

const temp = mkdtempSync(path.join(tmpdir(), "caregate-config-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function configError(env: Record<string, string>): ConfigError {
  try {
    parse(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe("parseConfig: bad values stop start-up and name the variable", () => {
  it.each([
    ["APP_URL", "not a url"],
    ["APP_URL", "ftp://example.com"],
    ["PORT", "0"],
    ["PORT", "70000"],
    ["PORT", "eighty"],
    ["OTP_TTL_SECONDS", "-5"],
    ["OTP_TTL_SECONDS", "0"],
    ["OTP_TTL_SECONDS", "1.5"],
    ["RESEND_COOLDOWN_SECONDS", "soon"],
    ["RESET_TOKEN_TTL_SECONDS", "-1"],
    ["SESSION_IDLE_SECONDS", "0"],
    ["SESSION_MAX_SECONDS", "x"],
    ["AUTH_SECRET", "too-short"],
    ["DATABASE_URL", "mysql://x"],
    ["SMTP_URL", "http://mail.example.com"],
    ["TRUST_PROXY", "yes"],
    ["TRUST_PROXY", "10.0.0.0/33"],
    ["TRUST_PROXY", "10.0.0.1,,10.0.0.2"],
    ["TRUST_PROXY", "10.0.0.1, not-an-ip"],
    ["TRUST_PROXY", "999"],
    ["TRUST_PROXY", "-1"],
    ["LOG_LEVEL", "verbose"],
    ["LOG_LEVEL", "INFO"],
    ["CLAMD_URL", "localhost:3310"],
    ["CLAMD_URL", "tcp://localhost"],
    ["CLAMD_URL", "tcp://localhost:99999"],
    ["CLAMD_URL", "http://localhost:3310"],
    ["CLAMD_URL", "unix:relative/clamd.sock"],
  ])("%s=%j", (name, value) => {
    const e = configError({ AUTH_SECRET: SECRET, [name]: value });
    expect(e.message).toContain(name);
  });

  it("names every bad variable at once", () => {
    const e = configError({ AUTH_SECRET: SECRET, PORT: "0", APP_URL: "nope" });
    expect(e.message).toContain("PORT");
    expect(e.message).toContain("APP_URL");
  });

  it("rejects an idle timeout longer than the absolute one", () => {
    const e = configError({ AUTH_SECRET: SECRET, SESSION_IDLE_SECONDS: "100", SESSION_MAX_SECONDS: "50" });
    expect(e.message).toContain("SESSION_IDLE_SECONDS");
  });
});

describe("parseConfig: CLAMD_URL", () => {
  it.each([
    ["tcp://127.0.0.1:3310", { host: "127.0.0.1", port: 3310 }],
    ["tcp://clamav.internal:3310", { host: "clamav.internal", port: 3310 }],
    ["tcp://[::1]:3310", { host: "::1", port: 3310 }],
    ["unix:/run/clamav/clamd.ctl", { path: "/run/clamav/clamd.ctl" }],
    ["unix:///run/clamav/clamd.ctl", { path: "/run/clamav/clamd.ctl" }],
  ])("reads %s", (value, address) => {
    expect(parse({ AUTH_SECRET: SECRET, CLAMD_URL: value }).CLAMD_URL).toEqual(address);
  });

  it("is off when unset", () => {
    expect(parse({ AUTH_SECRET: SECRET }).CLAMD_URL).toBeUndefined();
  });
});

describe("parseConfig: values and defaults", () => {
  it('applies the defaults of docs/RULES.md "Configuration"', () => {
    const cfg = parse({ AUTH_SECRET: SECRET });
    expect(cfg).toMatchObject({
      DATA_DIR: "./.data",
      EMAIL_FROM: "CareGate <no-reply@localhost>",
      APP_URL: "http://localhost:3000",
      TRUST_PROXY: { kind: "none" },
      LOG_LEVEL: "info",
      PORT: 3000,
      OTP_TTL_SECONDS: 600,
      RESEND_COOLDOWN_SECONDS: 60,
      RESET_TOKEN_TTL_SECONDS: 600,
      SESSION_IDLE_SECONDS: 1800,
      SESSION_MAX_SECONDS: 43200,
      AUTH_SECRET: SECRET,
      secretWasGenerated: false,
    });
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(cfg.SMTP_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    const cfg = parse({ AUTH_SECRET: SECRET, PORT: "", DATABASE_URL: "", APP_URL: "" });
    expect(cfg.PORT).toBe(3000);
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(cfg.APP_URL).toBe("http://localhost:3000");
  });

  it("accepts timings of a few seconds and reduces APP_URL to its origin", () => {
    const cfg = parse({
      AUTH_SECRET: SECRET,
      OTP_TTL_SECONDS: "3",
      RESEND_COOLDOWN_SECONDS: "2",
      SESSION_IDLE_SECONDS: "4",
      SESSION_MAX_SECONDS: "5",
      APP_URL: "https://care.example.org/some/path/",
      PORT: "8080",
      TRUST_PROXY: "1",
      DATABASE_URL: "postgresql://u:p@db.internal:5432/caregate",
      SMTP_URL: "smtps://user:pass@smtp.example.org:465",
    });
    expect(cfg).toMatchObject({
      OTP_TTL_SECONDS: 3,
      RESEND_COOLDOWN_SECONDS: 2,
      SESSION_IDLE_SECONDS: 4,
      SESSION_MAX_SECONDS: 5,
      APP_URL: "https://care.example.org",
      PORT: 8080,
      TRUST_PROXY: { kind: "hops", hops: 1 },
    });
  });

  it.each([
    ["0", { kind: "none" }],
    ["2", { kind: "hops", hops: 2 }],
    [" 10.0.0.0/8, 192.168.1.1 ,2001:db8::/32", { kind: "addresses", addresses: ["10.0.0.0/8", "192.168.1.1", "2001:db8::/32"] }],
    ["loopback,uniquelocal", { kind: "addresses", addresses: ["loopback", "uniquelocal"] }],
  ])("reads TRUST_PROXY=%j as a hop count or a list of proxies", (value, expected) => {
    expect(parse({ AUTH_SECRET: SECRET, TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each(["debug", "info", "warn", "error"])("accepts LOG_LEVEL=%s", (level) => {
    expect(parse({ AUTH_SECRET: SECRET, LOG_LEVEL: level }).LOG_LEVEL).toBe(level);
  });
});

describe("parseConfig: generated AUTH_SECRET in DATA_DIR", () => {
  it("creates the secret once (in a folder it creates) and reuses it", () => {
    const dir = path.join(temp, "nested", "data");
    const first = parse({ DATA_DIR: dir });
    expect(first.secretWasGenerated).toBe(true);
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, "auth-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first.AUTH_SECRET);
    expect(statSync(file).mode & 0o077).toBe(0); // readable by the owner only

    const second = parse({ DATA_DIR: dir });
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(readFileSync(file, "utf8").trim()).toBe(first.AUTH_SECRET);
  });

  it("gives another DATA_DIR another secret, and a set AUTH_SECRET writes no file", () => {
    const a = parse({ DATA_DIR: path.join(temp, "a") });
    const b = parse({ DATA_DIR: path.join(temp, "b") });
    expect(a.AUTH_SECRET).not.toBe(b.AUTH_SECRET);
    const c = parse({ DATA_DIR: path.join(temp, "c"), AUTH_SECRET: SECRET });
    expect(c.AUTH_SECRET).toBe(SECRET);
    expect(existsSync(path.join(temp, "c", "auth-secret"))).toBe(false);
  });
});
