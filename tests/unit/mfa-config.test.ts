import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { mfaPolicy } from "@/lib/auth/mfa/policy";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const parse = (env: Record<string, string>) => parseConfig({ AUTH_SECRET: SECRET, ...env } as unknown as NodeJS.ProcessEnv);

describe("MFA_REQUIRED_ROLES and MFA_GRACE_DAYS", () => {
  it("default to admin, superadmin, doctor and 7 days", () => {
    const cfg = parse({});
    expect(cfg.MFA_REQUIRED_ROLES).toEqual(["admin", "superadmin", "doctor"]);
    expect(cfg.MFA_GRACE_DAYS).toBe(7);
  });

  it("take a comma list (spaces forgiven), or none", () => {
    expect(parse({ MFA_REQUIRED_ROLES: "admin, superadmin" }).MFA_REQUIRED_ROLES).toEqual(["admin", "superadmin"]);
    expect(parse({ MFA_REQUIRED_ROLES: "none" }).MFA_REQUIRED_ROLES).toEqual([]);
    expect(parse({ MFA_GRACE_DAYS: "0" }).MFA_GRACE_DAYS).toBe(0);
  });

  it.each([
    ["MFA_REQUIRED_ROLES", "admin,nurse"],
    ["MFA_REQUIRED_ROLES", "Admins"],
    ["MFA_GRACE_DAYS", "-1"],
    ["MFA_GRACE_DAYS", "1.5"],
    ["MFA_GRACE_DAYS", "a week"],
  ])("refuse %s=%j at start-up, naming it", (name, value) => {
    expect(() => parse({ [name]: value })).toThrow(ConfigError);
    expect(() => parse({ [name]: value })).toThrow(name);
  });
});

describe("mfaPolicy (defaults: admin, superadmin, doctor; 7 days)", () => {
  const day = 86_400_000;
  const now = Date.parse("2026-06-10T12:00:00Z");
  const user = (role: "patient" | "doctor" | "admin" | "superadmin", createdDaysAgo: number, extra: { roleSinceDaysAgo?: number; mfa?: boolean } = {}) => ({
    role,
    createdAt: new Date(now - createdDaysAgo * day),
    roleSince: extra.roleSinceDaysAgo === undefined ? null : new Date(now - extra.roleSinceDaysAgo * day),
    mfaEnabledAt: extra.mfa ? new Date(now) : null,
  });

  it("leaves patients and accounts with a factor alone", () => {
    expect(mfaPolicy(user("patient", 100), now)).toEqual({ pending: false, daysLeft: null, overdue: false });
    expect(mfaPolicy(user("admin", 100, { mfa: true }), now)).toEqual({ pending: false, daysLeft: null, overdue: false });
  });

  it("counts the grace days from creation, or from the day the role was given", () => {
    expect(mfaPolicy(user("admin", 0), now)).toEqual({ pending: true, daysLeft: 7, overdue: false });
    expect(mfaPolicy(user("doctor", 6.5), now)).toEqual({ pending: true, daysLeft: 1, overdue: false });
    expect(mfaPolicy(user("superadmin", 7), now)).toEqual({ pending: true, daysLeft: 0, overdue: true });
    expect(mfaPolicy(user("admin", 300, { roleSinceDaysAgo: 2 }), now)).toEqual({ pending: true, daysLeft: 5, overdue: false });
    expect(mfaPolicy(user("admin", 300, { roleSinceDaysAgo: 9 }), now).overdue).toBe(true);
  });
});
