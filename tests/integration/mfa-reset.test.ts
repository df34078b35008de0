import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as resetRoute from "@/app/api/users/[id]/mfa/reset/route";
import { securityEvents } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { db, userRow } from "../helpers/db";
import { call } from "../helpers/http";
import { login, me } from "../helpers/api";
import { mail, settle } from "../helpers/mail";
import { enableTotp, mfaStatus, setRole } from "../helpers/mfa";

const reset = (token: string, id: string) => call(resetRoute, "POST", { token, params: { id } });

async function withRole(role: "admin" | "superadmin") {
  const a = await verifiedPatient();
  await setRole(a.user.id, role); // a new role today: inside the grace period
  return a;
}

describe("POST /api/users/{id}/mfa/reset", () => {
  it("lets an admin remove a user's factors: sessions end, the user is emailed, the event names the admin", async () => {
    const admin = await withRole("admin");
    const p = await verifiedPatient();
    await enableTotp(p.token);

    const res = await reset(admin.token, p.user.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expect((await me(p.token)).status).toBe(401);
    expect((await userRow(p.email))!.mfaEnabledAt).toBeNull();
    const signIn = await login(p.email, p.password);
    expect(signIn.body.token).toEqual(expect.any(String)); // the password alone again
    expect((await mfaStatus(signIn.body.token)).body).toMatchObject({ totp: false, recoveryCodesLeft: 0, passkeys: 0 });

    const notice = await mail.waitFor(p.email, 3);
    expect(notice.subject).toBe("Your two-step sign-in was reset");
    const [event] = await (await db())
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.userId, p.user.id), eq(securityEvents.type, "mfa_reset")));
    expect(event).toMatchObject({ actorId: admin.user.id, detail: { totp: true, passkeys: 0 } });
  });

  it("is for admins only; admins cannot reset a superadmin or themselves; superadmins can reset admins", async () => {
    const admin = await withRole("admin");
    const superadmin = await withRole("superadmin");
    const p = await verifiedPatient();

    const byPatient = await reset(p.token, admin.user.id);
    expect(byPatient.status).toBe(403);
    expect(byPatient.body.code).toBe("FORBIDDEN");
    expect((await reset(admin.token, superadmin.user.id)).status).toBe(403);
    expect((await reset(admin.token, admin.user.id)).status).toBe(403);
    expect((await reset(superadmin.token, admin.user.id)).status).toBe(200);
    await settle();
    expect(mail.to(superadmin.email)).toHaveLength(1); // only the sign-up code: nothing was reset
  });

  it("answers 404 for an unknown or malformed id, and 401 without a session", async () => {
    const admin = await withRole("admin");
    expect((await reset(admin.token, randomUUID())).status).toBe(404);
    expect((await reset(admin.token, "not-a-uuid")).status).toBe(404);
    expect((await call(resetRoute, "POST", { params: { id: randomUUID() } })).status).toBe(401);
  });
});
