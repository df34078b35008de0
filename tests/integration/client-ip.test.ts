import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as loginRoute from "@/app/api/auth/login/route";
import * as sessionsRoute from "@/app/api/auth/sessions/route";
import { config } from "@/lib/config";
import { verifiedPatient } from "../helpers/accounts";
import { call } from "../helpers/http";

/**
 * IPv6 clients are rate-limited per /64 (docs/DECISIONS.md "IPv6 clients share a /64 bucket"). These calls choose their
 * address through X-Forwarded-For with TRUST_PROXY=1 (tests/helpers/setup-env.ts); the real
 * server's socket + proxy handling is covered by tests/e2e/hardening.test.ts.
 */
const hex = () => randomInt(0x10000).toString(16);
const randomPrefix = () => `2001:db8:${hex()}:${hex()}`;
const login = (ip: string) =>
  call(loginRoute, "POST", { ip, body: { email: `nobody-${hex()}${hex()}@example.test`, password: "whatever-password-1" } });

describe("per-IP limit and IPv6", () => {
  it("counts every address of one /64 in one bucket; the neighbouring /64 is not affected", async () => {
    const prefix = randomPrefix();
    const limit = config().IP_LIMIT_PER_MINUTE;
    const statuses: number[] = [];
    for (let i = 0; i < limit + 1; i++) statuses.push((await login(`${prefix}:${hex()}:${hex()}:${hex()}:${i.toString(16)}`)).status);
    expect(statuses.slice(0, limit).every((s) => s === 401)).toBe(true);
    const blocked = await login(`${prefix}::abcd`);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Written out in full, with leading zeros, it is still the same /64.
    const [, , a, b] = prefix.split(":");
    expect((await login(`2001:0db8:${a!.padStart(4, "0")}:${b!.padStart(4, "0")}:0:0:0:1`)).status).toBe(429);
    const next = prefix.replace(/:([0-9a-f]+)$/, (_m, last: string) => `:${((parseInt(last, 16) + 1) % 0x10000).toString(16)}`);
    expect((await login(`${next}::1`)).status).toBe(401);
  });

  it("keeps the full address for display (sessions list), only the bucket is the /64", async () => {
    const ip = `${randomPrefix()}:1:2:3:4`;
    const p = await verifiedPatient();
    const signIn = await call(loginRoute, "POST", { ip, body: { email: p.email, password: p.password } });
    expect(signIn.status).toBe(200);
    const list = await call(sessionsRoute, "GET", { token: signIn.body.token });
    const current = list.body.sessions.find((s: { current: boolean }) => s.current);
    expect(current.ip).toBe(ip);
  });
});
