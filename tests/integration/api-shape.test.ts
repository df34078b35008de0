import { describe, expect, it } from "vitest";
import * as unknownRoute from "@/app/api/[...path]/route";
import * as loginRoute from "@/app/api/auth/login/route";
import * as logoutRoute from "@/app/api/auth/logout/route";
import * as resendRoute from "@/app/api/auth/resend-otp/route";
import * as sessionRoute from "@/app/api/auth/sessions/[id]/route";
import * as sessionsRoute from "@/app/api/auth/sessions/route";
import * as signupRoute from "@/app/api/auth/signup/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import * as health from "@/app/api/health/route";
import * as openApiRoute from "@/app/api/openapi.json/route";
import * as meRoute from "@/app/api/users/me/route";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { uniqueEmail } from "../helpers/data";
import { call, type CallResult, randomIp } from "../helpers/http";
import { effectiveAuth, toPostman } from "../helpers/postman";

describe("API shape", () => {
  it("answers unknown /api paths with 404 { error, code: NOT_FOUND } for every method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      const res = await call(unknownRoute, method, { path: "/api/no/such/thing", params: { path: "no/such/thing" } });
      expect(res.status, method).toBe(404);
      expect(res.body).toEqual({ error: expect.any(String), code: "NOT_FOUND" });
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    }
  });

  it("reports health as 200 { status: ok, database: ok, mail: { pending, oldestPendingSeconds }, scanner: off }", async () => {
    const res = await call(health, "GET");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", database: "ok", mail: { pending: expect.any(Number), oldestPendingSeconds: expect.any(Number) }, scanner: "off" });
  });

  it("marks every API response, success or error, Cache-Control: no-store", async () => {
    const p = await verifiedPatient();
    const pending = await signUpPatient();
    const busyIp = randomIp();
    for (let i = 0; i < 30; i++) await call(signupRoute, "POST", { body: {}, ip: busyIp });

    const responses: Array<[string, CallResult]> = [
      ["health", await call(health, "GET")],
      ["unknown path", await call(unknownRoute, "GET")],
      ["signup 201", await call(signupRoute, "POST", { body: { name: "N", email: uniqueEmail(), password: "Long-Enough-Passphrase-5" } })],
      ["signup 400", await call(signupRoute, "POST", { body: {} })],
      ["signup 415", await call(signupRoute, "POST", { rawBody: "x", headers: { "content-type": "text/plain" } })],
      ["signup 409", await call(signupRoute, "POST", { body: { name: "N", email: p.email, password: "Long-Enough-Passphrase-5" } })],
      ["signup 429", await call(signupRoute, "POST", { body: {}, ip: busyIp })],
      ["verify 200", await call(verifyRoute, "POST", { body: { email: pending.email, code: pending.code } })],
      ["verify 400", await call(verifyRoute, "POST", { body: { email: uniqueEmail(), code: "123456" } })],
      ["resend 200", await call(resendRoute, "POST", { body: { email: uniqueEmail() } })],
      ["login 200", await call(loginRoute, "POST", { body: { email: p.email, password: p.password } })],
      ["login 401", await call(loginRoute, "POST", { body: { email: p.email, password: "wrong-wrong-wrong" } })],
      ["me 200", await call(meRoute, "GET", { token: p.token })],
      ["me 401", await call(meRoute, "GET")],
      ["me PATCH 200", await call(meRoute, "PATCH", { token: p.token, body: { name: "Renamed" } })],
      ["sessions 200", await call(sessionsRoute, "GET", { token: p.token })],
      ["session 404", await call(sessionRoute, "DELETE", { token: p.token, params: { id: "nope" } })],
      ["logout 200", await call(logoutRoute, "POST", { token: p.token })],
    ];
    for (const [label, res] of responses) {
      expect(res.headers.get("cache-control"), label).toBe("no-store");
    }
    // The list really covers successes and failures of each kind.
    expect(new Set(responses.map(([, r]) => r.status))).toEqual(new Set([200, 201, 400, 401, 404, 409, 415, 429]));
  });

  it("serves a document that imports into Postman with one token for every signed-in request", async () => {
    const served = await call(openApiRoute, "GET", { path: "/api/openapi.json" });
    expect(served.status).toBe(200);
    const { collection, requests } = await toPostman(served.body);
    expect(collection.auth?.type).toBe("bearer"); // one place to paste the token
    const p = await verifiedPatient();
    // What Postman sends once the token from sign-in is pasted into {{bearerToken}}, and nothing else.
    const asPostman = (key: string): Record<string, string> => {
      const auth = effectiveAuth(collection, requests.get(key)!);
      const value = auth?.type === "bearer" ? auth.bearer?.find((b) => b.key === "token")?.value : undefined;
      return value ? { authorization: `Bearer ${value.replace("{{bearerToken}}", p.token)}` } : {};
    };
    expect((await call(meRoute, "GET", { headers: asPostman("GET /api/users/me") })).status).toBe(200);
    expect((await call(sessionsRoute, "GET", { headers: asPostman("GET /api/auth/sessions") })).status).toBe(200);
    expect((await call(meRoute, "GET")).status).toBe(401);
    // Public requests need nothing: sign-in answers the same whatever the collection sends along.
    const login = await call(loginRoute, "POST", { headers: asPostman("POST /api/auth/login"), body: { email: p.email, password: p.password } });
    expect(login.status).toBe(200);
  });
});
