import { afterAll, describe, expect, it } from "vitest";
import { clearedCookieHeader, sessionCookieHeader, sessionCookieName } from "@/lib/auth/session/cookie";
import { type Config, parseConfig } from "@/lib/config";
import { credentialsOf } from "@/lib/http/credentials";

/** The session token route() reads from a request's cookie (lib/http/credentials.ts). */
const readSessionCookie = (request: Request) => credentialsOf(request, sessionCookieName()).token;

/**
 * The cookie follows APP_URL, read through config() (parsed once per process). Each block installs
 * the real configuration of its APP_URL the way start-up would, and the original is put back after.
 */
const g = globalThis as unknown as { __caregateConfig?: Config };
const original = g.__caregateConfig;
afterAll(() => {
  g.__caregateConfig = original;
});
const useAppUrl = (url: string) => {
  g.__caregateConfig = parseConfig({ ...process.env, APP_URL: url });
};
const req = (cookie: string) => new Request("http://x/", { headers: { cookie } });

describe("session cookie on https", () => {
  it("is named __Host-caregate_session: HttpOnly, SameSite=Lax, Path=/, Secure and no Domain", () => {
    useAppUrl("https://care.example.org");
    expect(sessionCookieName()).toBe("__Host-caregate_session");
    const attrs = sessionCookieHeader("tok.en.value", 43200).split("; ");
    expect(attrs[0]).toBe("__Host-caregate_session=tok.en.value");
    expect(attrs).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Secure", "Max-Age=43200"]));
    expect(attrs.some((a) => /^domain=/i.test(a))).toBe(false);
  });

  it("is cleared with an empty value and Max-Age=0, under the same name", () => {
    useAppUrl("https://care.example.org");
    const attrs = clearedCookieHeader().split("; ");
    expect(attrs[0]).toBe("__Host-caregate_session=");
    expect(attrs).toEqual(expect.arrayContaining(["Max-Age=0", "Secure", "Path=/"]));
  });

  it("is read only by its prefixed name: an unprefixed cookie (settable by any subdomain or http page) is ignored", () => {
    useAppUrl("https://care.example.org");
    expect(readSessionCookie(req("a=1; __Host-caregate_session=abc.def; b=2"))).toBe("abc.def");
    expect(readSessionCookie(req("caregate_session=planted"))).toBeNull();
    expect(readSessionCookie(req("x__Host-caregate_session=evil; __Host-caregate_session_old=evil"))).toBeNull();
    expect(readSessionCookie(req("__Host-caregate_session="))).toBeNull();
    expect(readSessionCookie(new Request("http://x/"))).toBeNull();
  });
});

describe("session cookie on local http", () => {
  it("keeps the plain name (the prefix requires Secure) and has no Secure attribute", () => {
    useAppUrl("http://localhost:3000");
    expect(sessionCookieName()).toBe("caregate_session");
    const attrs = sessionCookieHeader("t", 60).split("; ");
    expect(attrs[0]).toBe("caregate_session=t");
    expect(attrs).not.toContain("Secure");
    expect(readSessionCookie(req("caregate_session=abc"))).toBe("abc");
    expect(readSessionCookie(req("__Host-caregate_session=abc"))).toBeNull();
  });
});
