import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as logoutAllRoute from "@/app/api/auth/logout-all/route";
import * as logoutRoute from "@/app/api/auth/logout/route";
import * as sessionsRoute from "@/app/api/auth/sessions/route";
import * as meRoute from "@/app/api/users/me/route";
import { users } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { db } from "../helpers/db";
import { call } from "../helpers/http";
import { changePassword, login, me } from "../helpers/api";
import { NEW_PASSWORD } from "../helpers/data";
import { enableTotp, mfaStatus, setRole, totpConfirm, totpSetup, totpCode } from "../helpers/mfa";

/** A verified account given `role` `createdDaysAgo` days ago, signed in afresh (the role change ended nothing here). */
async function member(role: "patient" | "doctor" | "admin" | "superadmin", createdDaysAgo: number) {
  const p = await verifiedPatient();
  await setRole(p.user.id, role, createdDaysAgo);
  return p;
}

const sessionsList = (token: string) => call(sessionsRoute, "GET", { token });
const patchMe = (token: string) => call(meRoute, "PATCH", { token, body: { name: "Changed Name" } });

describe("MFA policy (defaults: admin, superadmin, doctor must set a factor within 7 days)", () => {
  it("after the grace period blocks an admin without a factor everywhere but set-up, sign-out and GET /me", async () => {
    const a = await member("admin", 8);
    for (const res of [await sessionsList(a.token), await patchMe(a.token), await changePassword(a.token, { currentPassword: a.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("MFA_SETUP_REQUIRED");
    }
    // Nothing changed behind the refusal.
    expect((await me(a.token)).body.user.name).toBe("Test Patient");

    expect((await me(a.token)).status).toBe(200);
    expect((await mfaStatus(a.token)).body).toMatchObject({ required: true, setupRequired: true, graceDaysLeft: 0, enabled: false });
    // Sign-in itself still works: it leads to the set-up.
    const again = await login(a.email, a.password);
    expect(again.status).toBe(200);
    expect((await call(logoutRoute, "POST", { token: again.body.token })).status).toBe(200);

    const setup = await totpSetup(a.token);
    expect(setup.status).toBe(200);
    expect((await totpConfirm(a.token, await totpCode(setup.body.secret))).status).toBe(200);
    // With a factor the account works normally again, in the same session.
    expect((await sessionsList(a.token)).status).toBe(200);
    expect((await patchMe(a.token)).status).toBe(200);
  });

  it("applies to doctors and superadmins too, and lets sign-out-everywhere through", async () => {
    for (const role of ["doctor", "superadmin"] as const) {
      const u = await member(role, 30);
      expect((await sessionsList(u.token)).body.code).toBe("MFA_SETUP_REQUIRED");
      expect((await call(logoutAllRoute, "POST", { token: u.token })).status).toBe(200);
      expect((await me(u.token)).status).toBe(401);
    }
  });

  it("lets an admin work normally during the grace period, and says how many days are left", async () => {
    const a = await member("admin", 2);
    expect((await sessionsList(a.token)).status).toBe(200);
    expect((await patchMe(a.token)).status).toBe(200);
    expect((await mfaStatus(a.token)).body).toMatchObject({ required: true, setupRequired: false, graceDaysLeft: 5 });
  });

  it("counts from the day the role was given when that is later than the account's creation", async () => {
    const a = await member("admin", 300);
    expect((await sessionsList(a.token)).body.code).toBe("MFA_SETUP_REQUIRED");
    await (await db()).update(users).set({ roleSince: new Date(Date.now() - 86_400_000) }).where(eq(users.id, a.user.id));
    expect((await sessionsList(a.token)).status).toBe(200);
    expect((await mfaStatus(a.token)).body.graceDaysLeft).toBe(6);
  });

  it("leaves patients alone however old the account, and admins who have a factor", async () => {
    const p = await member("patient", 365);
    expect((await sessionsList(p.token)).status).toBe(200);
    expect((await mfaStatus(p.token)).body).toMatchObject({ required: false, graceDaysLeft: null, setupRequired: false });

    const a = await verifiedPatient();
    await enableTotp(a.token);
    await setRole(a.user.id, "admin", 30);
    expect((await sessionsList(a.token)).status).toBe(200);
  });
});
