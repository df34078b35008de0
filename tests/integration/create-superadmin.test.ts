import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as loginRoute from "@/app/api/auth/login/route";
import * as meRoute from "@/app/api/users/me/route";
import { createSuperadmin } from "@/lib/auth/flows/create-superadmin";
import { users } from "@/lib/db/schema";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { uniqueEmail } from "../helpers/data";
import { db } from "../helpers/db";
import { call } from "../helpers/http";

describe("create-superadmin", () => {
  it("creates a verified superadmin who can sign in", async () => {
    const email = uniqueEmail("root");
    expect(await createSuperadmin({ email: ` ${email.toUpperCase()} `, password: "Granite-Orchard-Violet-9" })).toEqual({ email, created: true });
    const res = await call(loginRoute, "POST", { body: { email, password: "Granite-Orchard-Violet-9" } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email, role: "superadmin" });
  });

  it("promotes an existing account and ends its sessions", async () => {
    const p = await verifiedPatient();
    await createSuperadmin({ email: p.email });
    const [row] = await (await db()).select().from(users).where(eq(users.email, p.email));
    expect(row!.role).toBe("superadmin");
    expect((await call(meRoute, "GET", { token: p.token })).status).toBe(401);
  });

  it("refuses a weak password and a new account without one", async () => {
    await expect(createSuperadmin({ email: uniqueEmail(), password: "password123" })).rejects.toMatchObject({ code: "WEAK_PASSWORD" });
    await expect(createSuperadmin({ email: uniqueEmail() })).rejects.toThrow(/needs --password/);
  });
});

describe("create-superadmin and unverified accounts", () => {
  it("refuses to promote an unverified account without --password, changing nothing", async () => {
    const { email } = await signUpPatient();
    await expect(createSuperadmin({ email })).rejects.toThrow(/--password/);
    const [row] = await (await db()).select().from(users).where(eq(users.email, email));
    expect(row).toMatchObject({ role: "patient", emailVerifiedAt: null });
  });

  it("promotes an unverified account with --password: verified, and only the new password signs in", async () => {
    const { email, password: planted } = await signUpPatient();
    await createSuperadmin({ email, password: "Granite-Orchard-Violet-9" });
    const [row] = await (await db()).select().from(users).where(eq(users.email, email));
    expect(row!.role).toBe("superadmin");
    expect(row!.emailVerifiedAt).not.toBeNull();
    expect((await call(loginRoute, "POST", { body: { email, password: planted } })).status).toBe(401);
    expect((await call(loginRoute, "POST", { body: { email, password: "Granite-Orchard-Violet-9" } })).status).toBe(200);
  });
});
