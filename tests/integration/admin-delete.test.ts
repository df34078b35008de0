import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as loginRoute from "@/app/api/auth/login/route";
import { doctorProfiles, securityEvents, sessions, throttles, verificationCodes } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { deleteUser, getUser, listAudit, listUsers, patchUser, signedInAdmin, signedInSuperadmin, signedInWithRole, signIn } from "../helpers/admins";
import { userRow } from "../helpers/arrange";
import { db } from "../helpers/db";
import { verifiedDoctor } from "../helpers/doctors";
import { changeEmailRequest, changeEmailVerify, forgotRequest, me } from "../helpers/lifecycle";
import { call, uniqueEmail } from "../helpers/http";
import { mail } from "../helpers/mail";
import { codeFrom } from "../helpers/smtp";

/** DELETE /api/users/{id}: superadmin only, one transaction, the audit event kept without personal data. */

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("deleting a user", () => {
  it("removes the account and everything it owns, and keeps an audit event with actor, target id and email hash", async () => {
    const root = await signedInSuperadmin();
    const d = await verifiedDoctor();
    await forgotRequest(d.email); // a live reset code row
    await patchUser(root.token, d.user.id, { approval: "rejected", reason: "Duplicate account" });
    const d2 = await signIn(d.email, d.password); // a second session
    const database = await db();
    expect(await database.select().from(verificationCodes).where(eq(verificationCodes.userId, d.user.id))).not.toHaveLength(0);
    const ownThrottles = async () =>
      (await database.select().from(throttles)).filter((t) => t.key.endsWith(`:${d.email}`) || t.key.endsWith(`:${d.user.id}`));
    expect(await ownThrottles()).not.toHaveLength(0);

    const res = await deleteUser(root.token, d.user.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });

    expect(await userRow(d.email)).toBeUndefined();
    expect(await database.select().from(sessions).where(eq(sessions.userId, d.user.id))).toEqual([]);
    expect(await database.select().from(verificationCodes).where(eq(verificationCodes.userId, d.user.id))).toEqual([]);
    expect(await database.select().from(doctorProfiles).where(eq(doctorProfiles.userId, d.user.id))).toEqual([]);
    expect(await ownThrottles()).toEqual([]);
    expect((await me(d2.token)).status).toBe(401);
    expect((await getUser(root.token, d.user.id)).status).toBe(404);
    expect((await call(loginRoute, "POST", { body: { email: d.email, password: d.password } })).status).toBe(401);

    const deleted = (await database.select().from(securityEvents).where(eq(securityEvents.type, "user_deleted"))).filter(
      (e) => (e.detail as { targetId?: string }).targetId === d.user.id,
    );
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({
      userId: null, // the account is gone; the id stays in detail
      actorId: root.user.id,
      detail: { targetId: d.user.id, emailHash: sha256(d.email), role: "doctor", verified: true },
    });
    expect(JSON.stringify(deleted[0]!.detail)).not.toContain(d.email);
    // The trail reads it back through the API, filtered by type.
    const trail = await listAudit(root.token, { event: "user_deleted", actorId: root.user.id });
    expect(trail.body.events[0]).toMatchObject({ type: "user_deleted", user: null, actor: { email: root.email }, detail: { targetId: d.user.id } });
  });

  it("scrubs the addresses and names its earlier events held", async () => {
    const root = await signedInSuperadmin();
    const p = await verifiedPatient();
    const newEmail = uniqueEmail("moved");
    await changeEmailRequest(p.token, { newEmail, currentPassword: p.password });
    await changeEmailVerify(p.token, codeFrom(await mail.waitFor(newEmail)));
    await patchUser(root.token, p.user.id, { name: "Former Name" });
    const database = await db();
    const before = JSON.stringify(await database.select().from(securityEvents).where(eq(securityEvents.userId, p.user.id)));
    for (const personal of [p.email, newEmail, "Former Name"]) expect(before).toContain(personal);
    expect((await deleteUser(root.token, p.user.id)).status).toBe(200);
    const left = await database.select().from(securityEvents);
    const text = JSON.stringify(left.filter((e) => e.userId === null));
    expect(text).not.toContain(p.email);
    expect(text).not.toContain(newEmail);
    expect(text).not.toContain("Former Name");
  });

  it("is for superadmins only: admins, doctors and patients get 403 and nothing is deleted", async () => {
    const root = await signedInSuperadmin();
    const admin = await signedInAdmin(root);
    const target = await verifiedPatient();
    for (const caller of [admin, await verifiedPatient(), await verifiedDoctor()]) {
      const res = await deleteUser(caller.token, target.user.id);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("FORBIDDEN");
    }
    expect(await userRow(target.email)).toBeDefined();
    expect((await me(target.token)).status).toBe(200);
  });

  it("unknown and malformed ids are 404; deleting yourself is 403 while another superadmin exists", async () => {
    const root = await signedInSuperadmin();
    await signedInWithRole("superadmin", root);
    expect((await deleteUser(root.token, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await deleteUser(root.token, "nope")).status).toBe(404);
    expect((await deleteUser(root.token, root.user.id)).status).toBe(403);
    expect(await userRow(root.email)).toBeDefined();
  });

  it("a superadmin can delete another superadmin", async () => {
    const root = await signedInSuperadmin();
    const other = await signedInWithRole("superadmin", root);
    expect((await deleteUser(root.token, other.user.id)).status).toBe(200);
    expect(await userRow(other.email)).toBeUndefined();
  });

  it("of two superadmins deleting each other at once, exactly one succeeds", async () => {
    const a = await signedInSuperadmin();
    const b = await signedInWithRole("superadmin", a);
    const others = await listUsers(a.token, { role: "superadmin", status: "active", limit: 100 });
    for (const u of others.body.users as { id: string }[]) {
      if (u.id !== a.user.id && u.id !== b.user.id) await patchUser(a.token, u.id, { role: "admin" });
    }
    const results = await Promise.all([deleteUser(a.token, b.user.id), deleteUser(b.token, a.user.id)]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect([401, 409]).toContain(results.find((r) => r.status !== 200)!.status);
    expect([await userRow(a.email), await userRow(b.email)].filter(Boolean)).toHaveLength(1);
  });
});
