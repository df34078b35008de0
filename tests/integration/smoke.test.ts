import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as health from "@/app/api/health/route";
import * as meRoute from "@/app/api/users/me/route";
import { users } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { db } from "../helpers/db";
import { call } from "../helpers/http";

describe("walking skeleton", () => {
  it("reports a healthy database", async () => {
    const res = await call(health, "GET");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", database: "ok", mail: { pending: expect.any(Number), oldestPendingSeconds: expect.any(Number) }, scanner: "off" });
  });

  it("signs a patient up, confirms the emailed code and reads the profile with the token", async () => {
    const p = await verifiedPatient({ name: "Amal Haddad" });
    const [row] = await (await db()).select().from(users).where(eq(users.email, p.email));
    expect(row!.emailVerifiedAt).not.toBeNull();
    const me = await call(meRoute, "GET", { token: p.token });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: p.email, name: "Amal Haddad", role: "patient" });
    expect(me.body.user).not.toHaveProperty("passwordHash");
  });
});
