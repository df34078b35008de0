import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/users/me/route";
import { verifiedPatient } from "../helpers/accounts";
import { userRow } from "../helpers/db";
import { call } from "../helpers/http";

const patch = (auth: { token?: string; cookie?: string; origin?: string }, body: unknown) => call(meRoute, "PATCH", { ...auth, body });

/** A date `days` from today (UTC), as YYYY-MM-DD. */
const isoDay = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

describe("PATCH /api/users/me", () => {
  it("updates name, phone, dob and gender, in the answer and in the database", async () => {
    const p = await verifiedPatient({ phone: "+1 555 0100" });
    const res = await patch({ token: p.token }, { name: "  Layla Haddad ", phone: "+44 20 7946 0001", dob: "1984-02-29", gender: "female" });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: "Layla Haddad", phone: "+44 20 7946 0001", dob: "1984-02-29", gender: "female" });
    expect(res.body.user).not.toHaveProperty("passwordHash");
    expect(await userRow(p.email)).toMatchObject({ name: "Layla Haddad", phone: "+44 20 7946 0001", dob: "1984-02-29", gender: "female" });
    expect((await call(meRoute, "GET", { token: p.token })).body.user).toMatchObject({ dob: "1984-02-29", gender: "female" });
  });

  it("changes only the fields that were sent", async () => {
    const p = await verifiedPatient({ name: "Kept Name", phone: "+1 555 0101" });
    expect((await patch({ token: p.token }, { gender: "other" })).status).toBe(200);
    expect(await userRow(p.email)).toMatchObject({ name: "Kept Name", phone: "+1 555 0101", gender: "other" });
  });

  it("clears the phone when it is sent as an empty string", async () => {
    const p = await verifiedPatient({ phone: "+1 555 0102" });
    const res = await patch({ token: p.token }, { phone: "" });
    expect(res.status).toBe(200);
    expect(res.body.user.phone).toBeNull();
    expect((await userRow(p.email))!.phone).toBeNull();
  });

  it("rejects a date of birth in the future with 400 VALIDATION_FAILED fields.dob, and accepts yesterday", async () => {
    const p = await verifiedPatient();
    for (const dob of [isoDay(2), "1990-02-30", "12/05/1990"]) {
      const res = await patch({ token: p.token }, { dob });
      expect(res.status, dob).toBe(400);
      expect(res.body.code).toBe("VALIDATION_FAILED");
      expect(res.body.fields).toHaveProperty("dob");
    }
    expect((await userRow(p.email))!.dob).toBeNull();
    expect((await patch({ token: p.token }, { dob: isoDay(-1) })).status).toBe(200);
  });

  it("rejects an unknown gender and a bad phone with 400 and fields", async () => {
    const p = await verifiedPatient();
    const res = await patch({ token: p.token }, { gender: "unicorn", phone: "call me" });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.fields).toHaveProperty("gender");
    expect(res.body.fields).toHaveProperty("phone");
    expect((await userRow(p.email))!.gender).toBeNull();
  });

  it("ignores email, role, password, tokenVersion, emailVerifiedAt, status and id in the body", async () => {
    const p = await verifiedPatient();
    const before = (await userRow(p.email))!;
    const res = await patch(
      { token: p.token },
      {
        name: "Only This Changes",
        email: "attacker@example.test",
        role: "superadmin",
        password: "Attacker-Chosen-Pass-1",
        passwordHash: "$argon2id$forged",
        tokenVersion: 99,
        emailVerifiedAt: null,
        status: "suspended",
        id: randomUUID(),
      },
    );
    expect(res.status).toBe(200);
    const after = (await userRow(p.email))!;
    expect(after.name).toBe("Only This Changes");
    expect({ ...after, name: before.name, updatedAt: before.updatedAt }).toEqual(before);
    expect((await call(meRoute, "GET", { token: p.token })).status).toBe(200);
  });
});

describe("PATCH /api/users/me: origin check", () => {
  it("refuses a cookie-authenticated request from another origin with 403 FORBIDDEN_ORIGIN, changing nothing", async () => {
    const p = await verifiedPatient({ name: "Unchanged" });
    const res = await patch({ cookie: p.cookie, origin: "https://evil.example" }, { name: "Pwned" });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: expect.any(String), code: "FORBIDDEN_ORIGIN" });
    expect((await userRow(p.email))!.name).toBe("Unchanged");
  });

  it("refuses a look-alike origin (same host, other scheme or port)", async () => {
    const p = await verifiedPatient({ name: "Unchanged" });
    for (const origin of ["https://localhost:3000", "http://localhost:3001", "http://localhost:3000.evil.example", "null"]) {
      const res = await patch({ cookie: p.cookie, origin }, { name: "Pwned" });
      expect(res.status, origin).toBe(403);
    }
    expect((await userRow(p.email))!.name).toBe("Unchanged");
  });

  it("accepts a cookie-authenticated request from the app's own origin, or with no Origin", async () => {
    const p = await verifiedPatient();
    expect((await patch({ cookie: p.cookie, origin: "http://localhost:3000" }, { name: "Same Origin" })).status).toBe(200);
    expect((await userRow(p.email))!.name).toBe("Same Origin");
    expect((await patch({ cookie: p.cookie }, { name: "No Origin" })).status).toBe(200);
    expect((await userRow(p.email))!.name).toBe("No Origin");
  });

  it("accepts a Bearer request with a foreign Origin (no cookie, so no CSRF)", async () => {
    const p = await verifiedPatient();
    const res = await patch({ token: p.token, origin: "https://evil.example" }, { name: "Api Client" });
    expect(res.status).toBe(200);
    expect((await userRow(p.email))!.name).toBe("Api Client");
  });
});
