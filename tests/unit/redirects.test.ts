import { describe, expect, it } from "vitest";
import { loginRedirectPath, safeNextPath } from "@/lib/auth/session/redirects";

const FALLBACK = "/dashboard";

describe("safeNextPath", () => {
  it.each([
    ["/account?tab=x", "/account?tab=x"],
    ["/account", "/account"],
    ["/dashboard#records", "/dashboard#records"],
    ["/account/../dashboard", "/dashboard"],
    // Percent-encoded CR/LF stay encoded: a harmless same-origin path, never a header break.
    ["/%0d%0aSet-Cookie:x=1", "/%0d%0aSet-Cookie:x=1"],
  ])("keeps the same-origin relative path %j", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    ["protocol-relative", "//evil.com"],
    ["protocol-relative with a path", "//evil.com/account"],
    ["backslash protocol-relative", "/\\evil.com"],
    ["backslash inside", "/account\\..\\\\evil.com"],
    ["absolute http", "https://evil.com"],
    ["absolute to our own-looking host", "http://localhost:3000/account"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["empty", ""],
    ["relative without slash", "account"],
    ["raw CR/LF", "/account\r\nSet-Cookie: x=1"],
    ["a tab that browsers strip", "/\t/evil.com"],
    ["a NUL byte", "/account\u0000"],
    ["dot segments collapsing to //", "/..//evil.com"],
    ["single-dot segment collapsing to //", "/.//evil.com"],
    ["encoded dot segments collapsing to //", "/%2e%2e//evil.com"],
    ["too long", "/" + "a".repeat(600)],
  ])("falls back for %s", (_label, next) => {
    expect(safeNextPath(next)).toBe(FALLBACK);
  });

  it("falls back for null and undefined, and honours a custom fallback", () => {
    expect(safeNextPath(null)).toBe(FALLBACK);
    expect(safeNextPath(undefined)).toBe(FALLBACK);
    expect(safeNextPath("//evil.com", "/account")).toBe("/account");
  });

  it("builds the sign-in redirect with `next` encoded", () => {
    expect(loginRedirectPath("/account?tab=x&y=1")).toBe("/auth/login?next=%2Faccount%3Ftab%3Dx%26y%3D1");
    expect(safeNextPath(new URLSearchParams(loginRedirectPath("/account?tab=x").split("?")[1]).get("next"))).toBe("/account?tab=x");
  });
});
