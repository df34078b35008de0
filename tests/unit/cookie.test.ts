import { describe, expect, it } from "vitest";
import { clearedCookieHeader, readSessionCookie, sessionCookieHeader } from "@/lib/auth/session/cookie";

// config() is parsed on first use, so this file's app runs behind https (tests/helpers/setup-env.ts
// sets http://localhost:3000, where the integration tests check that Secure is absent).
process.env.APP_URL = "https://care.example.org";

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/ and Secure when APP_URL is https", () => {
    const attrs = sessionCookieHeader("tok.en.value", 43200).split("; ");
    expect(attrs[0]).toBe("caregate_session=tok.en.value");
    expect(attrs).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Secure", "Max-Age=43200"]));
  });

  it("is cleared with an empty value and Max-Age=0", () => {
    const attrs = clearedCookieHeader().split("; ");
    expect(attrs[0]).toBe("caregate_session=");
    expect(attrs).toContain("Max-Age=0");
    expect(attrs).toContain("Secure");
  });

  it("is read from the Cookie header among other cookies, and only by its exact name", () => {
    const req = (cookie: string) => new Request("http://x/", { headers: { cookie } });
    expect(readSessionCookie(req("a=1; caregate_session=abc.def; b=2"))).toBe("abc.def");
    expect(readSessionCookie(req("xcaregate_session=evil; caregate_session_old=evil"))).toBeNull();
    expect(readSessionCookie(req("caregate_session="))).toBeNull();
    expect(readSessionCookie(new Request("http://x/"))).toBeNull();
  });
});
