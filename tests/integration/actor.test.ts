import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/users/me/route";
import { getSession } from "@/lib/auth/session/sessions";
import { securityEvents, sessions, users } from "@/lib/db/schema";
import { buildActor } from "@/lib/http/actor";
import { verifiedPatient } from "../helpers/accounts";
import { credentialsFor } from "../helpers/actor";
import { login } from "../helpers/api";
import { db } from "../helpers/db";
import { call, sessionIdOf } from "../helpers/http";

/**
 * The actor (docs/ARCHITECTURE.md "The actor"): built once per request by route(), it is what
 * services and audit read instead of the Request. Its IP (TRUST_PROXY=1 in tests: the last
 * X-Forwarded-For hop), user agent and request id end up on the audit row; its locale follows
 * docs/I18N.md "Which language".
 */

async function lastEvent(userId: string, type: string) {
  const [row] = await (await db())
    .select()
    .from(securityEvents)
    .where(and(eq(securityEvents.userId, userId), eq(securityEvents.type, type)))
    .orderBy(desc(securityEvents.id))
    .limit(1);
  return row;
}

describe("the actor reaches the audit row", () => {
  it("sign-in (no session yet): IP under TRUST_PROXY, user agent and request id on the event and the session", async () => {
    const p = await verifiedPatient();
    const res = await login(p.email, p.password, {
      ip: "203.0.113.7, 198.51.100.23", // a client-written hop, then the one our proxy appended
      headers: { "user-agent": "ActorTest/1.0 (X11; Linux x86_64)", "x-request-id": "actor-test-signin-0001" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("actor-test-signin-0001");
    const event = await lastEvent(p.user.id, "signin_ok");
    expect(event).toMatchObject({ ip: "198.51.100.23", userAgent: "ActorTest/1.0 (X11; Linux x86_64)", requestId: "actor-test-signin-0001", actorId: null });
    const [session] = await (await db()).select().from(sessions).where(eq(sessions.id, sessionIdOf(res.body.token)));
    expect(session).toMatchObject({ ip: "198.51.100.23", userAgent: "ActorTest/1.0 (X11; Linux x86_64)" });
  });

  it("a signed-in change: the row keeps the id the answer was sent with when the client sent none", async () => {
    const p = await verifiedPatient();
    const res = await call(meRoute, "PATCH", { token: p.token, ip: "198.51.100.44", headers: { "user-agent": "ActorTest/2.0" }, body: { phone: "+44 20 7946 0001" } });
    expect(res.status).toBe(200);
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lastEvent(p.user.id, "profile_updated")).toMatchObject({ ip: "198.51.100.44", userAgent: "ActorTest/2.0", requestId: id });
  });

  it("an X-Request-Id that is not shaped like one is replaced, on the answer and the row alike", async () => {
    const p = await verifiedPatient();
    const res = await login(p.email, p.password, { headers: { "x-request-id": "bad id with spaces" } });
    const id = res.headers.get("x-request-id");
    expect(id).not.toBe("bad id with spaces");
    expect((await lastEvent(p.user.id, "signin_ok"))?.requestId).toBe(id);
  });
});

describe("the actor's locale: the account's, then the locale cookie, then Accept-Language, then English", () => {
  /** What route() does with a request: the session from its credentials, then the actor. */
  async function actorOf(headers: Record<string, string>) {
    const request = new Request("http://localhost:3000/api/users/me", { headers: { "user-agent": "vitest", ...headers } });
    return buildActor(request, await getSession(credentialsFor(request)), "actor-test-locale-01");
  }

  it("follows the documented order", async () => {
    const p = await verifiedPatient();
    await (await db()).update(users).set({ locale: "ar" }).where(eq(users.id, p.user.id));
    const signedIn = await actorOf({ authorization: `Bearer ${p.token}`, cookie: "locale=en", "accept-language": "en-GB" });
    expect(signedIn).toMatchObject({ locale: "ar", user: { id: p.user.id }, sessionId: sessionIdOf(p.token), requestId: "actor-test-locale-01" });

    expect(await actorOf({ cookie: "locale=ar", "accept-language": "en-GB,en;q=0.9" })).toMatchObject({ locale: "ar", user: null, sessionId: null });
    expect((await actorOf({ cookie: "locale=xx", "accept-language": "fr;q=1, ar;q=0.8, en;q=0.5" })).locale).toBe("ar");
    expect((await actorOf({ "accept-language": "fr-CA" })).locale).toBe("en");
    expect((await actorOf({})).locale).toBe("en");
  });
});
