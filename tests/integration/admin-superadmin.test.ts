import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as loginRoute from "@/app/api/auth/login/route";
import { deleteUser as removeUser } from "@/lib/admin/delete";
import { updateUser } from "@/lib/admin/update";
import { doctorProfiles, securityEvents, sessions, throttles, verificationCodes } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import {
  deleteUser,
  getUser,
  listAudit,
  listUsers,
  patchUser,
  signedInAdmin,
  signedInSuperadmin,
  signedInWithRole,
  signIn,
} from "../helpers/admins";
import { signedInActorFor } from "../helpers/actor";
import { changeEmailRequest, changeEmailVerify, forgotRequest, me } from "../helpers/api";
import { db, userRow } from "../helpers/db";
import { verifiedDoctor } from "../helpers/doctors";
import { call, uniqueEmail } from "../helpers/http";
import { mail } from "../helpers/mail";
import { codeFrom } from "../helpers/smtp";

/**
 * Everything that needs a superadmin: the hierarchy, the last-superadmin rule and its races, and
 * deletion (superadmin only). One file on purpose: the race tests demote every other superadmin in
 * the file's database, so other files do not depend on superadmin sessions.
 */

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("admin changes: the hierarchy", () => {
  it("an admin cannot edit, demote, suspend or create a superadmin (403, nothing changes)", async () => {
    const root = await signedInSuperadmin();
    const admin = await signedInAdmin(root);
    const p = await verifiedPatient();
    for (const body of [{ name: "X" }, { role: "admin" }, { status: "suspended" }]) {
      const res = await patchUser(admin.token, root.user.id, body);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("FORBIDDEN");
    }
    expect((await patchUser(admin.token, p.user.id, { role: "superadmin" })).status).toBe(403);
    expect((await patchUser(admin.token, admin.user.id, { role: "superadmin" })).status).toBe(403);
    expect(await userRow(root.email)).toMatchObject({ role: "superadmin", status: "active", name: "Root Admin" });
    expect((await userRow(p.email))!.role).toBe("patient");
  });

  it("nobody changes their own role or suspends themselves", async () => {
    const root = await signedInSuperadmin();
    await signedInWithRole("superadmin", root); // so "last superadmin" is not what refuses it
    const admin = await signedInAdmin(root);
    expect((await patchUser(root.token, root.user.id, { role: "admin" })).status).toBe(403);
    expect((await patchUser(admin.token, admin.user.id, { role: "patient" })).status).toBe(403);
    expect((await patchUser(admin.token, admin.user.id, { status: "suspended" })).status).toBe(403);
    // Their own name is fine, and their own current role is no change.
    expect((await patchUser(admin.token, admin.user.id, { name: "Renamed Admin", role: "admin" })).status).toBe(200);
    expect(await userRow(admin.email)).toMatchObject({ role: "admin", status: "active", name: "Renamed Admin" });
  });

  it("a superadmin can make and unmake another superadmin; an admin can manage other admins", async () => {
    const root = await signedInSuperadmin();
    const second = await signedInWithRole("superadmin", root);
    expect((await patchUser(root.token, second.user.id, { role: "admin" })).status).toBe(200);
    const admin = await signedInAdmin(root);
    const other = await signedInAdmin(root);
    expect((await patchUser(admin.token, other.user.id, { role: "patient" })).status).toBe(200);
  });

  it("only a doctor account (one with a profile) can become a doctor", async () => {
    const root = await signedInSuperadmin();
    const p = await verifiedPatient();
    const res = await patchUser(root.token, p.user.id, { role: "doctor" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("NO_DOCTOR_PROFILE");
    const d = await verifiedDoctor();
    expect((await patchUser(root.token, d.user.id, { role: "patient" })).status).toBe(200);
    expect((await patchUser(root.token, d.user.id, { role: "doctor" })).body.user).toMatchObject({ role: "doctor", approval: "pending" });
  });
});

describe("the last superadmin", () => {
  it("cannot be demoted, suspended or deleted: 409 LAST_SUPERADMIN", async () => {
    const a = await signedInSuperadmin();
    const b = await signedInWithRole("superadmin", a);
    // Other tests' superadmins share this database: demote them all but a and b, as a would.
    await demoteOtherSuperadmins(a, [a.user.id, b.user.id]);
    expect((await patchUser(b.token, a.user.id, { role: "admin" })).status).toBe(200);
    // b is now the last one; the only account that could act on b is b.
    for (const body of [{ role: "admin" }, { status: "suspended" }]) {
      const res = await patchUser(b.token, b.user.id, body);
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ error: expect.any(String), code: "LAST_SUPERADMIN" });
    }
    expect((await deleteUser(b.token, b.user.id)).body.code).toBe("LAST_SUPERADMIN");
    // An admin aiming at them is refused for the hierarchy first (403).
    const aAsAdmin = await signIn(a.email);
    expect((await patchUser(aAsAdmin.token, b.user.id, { role: "admin" })).status).toBe(403);
    expect(await userRow(b.email)).toMatchObject({ role: "superadmin", status: "active" });
  });

  it("of two concurrent demotions of the last two superadmins exactly one succeeds (API)", async () => {
    const a = await signedInSuperadmin();
    const b = await signedInWithRole("superadmin", a);
    await demoteOtherSuperadmins(a, [a.user.id, b.user.id]);
    const results = await Promise.all([
      patchUser(a.token, b.user.id, { role: "admin" }),
      patchUser(b.token, a.user.id, { role: "admin" }),
    ]);
    // The loser is refused either by the database rule (409) or, if the winner committed before the
    // loser's session was checked, because the demotion ended that session (401). Never both 200.
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const loser = results.find((r) => r.status !== 200)!;
    expect([401, 409]).toContain(loser.status);
    const roles = [(await userRow(a.email))!.role, (await userRow(b.email))!.role].sort();
    expect(roles).toEqual(["admin", "superadmin"]);
  });

  // Both actors are past authorization before either transaction starts (as two requests that
  // arrived together are): only the locked rows in the database can stop the second demotion.
  it.each([
    ["demotions", { role: "admin" as const }],
    ["suspensions", { status: "suspended" as const }],
  ])("two authorised concurrent %s of the last two superadmins: exactly one wins, the other is 409", async (_, change) => {
    const a = await signedInSuperadmin();
    const b = await signedInWithRole("superadmin", a);
    await demoteOtherSuperadmins(a, [a.user.id, b.user.id]);
    const [actorA, actorB] = [(await userRow(a.email))!, (await userRow(b.email))!];
    const results = await Promise.allSettled([
      updateUser(signedInActorFor(actorA), b.user.id, change),
      updateUser(signedInActorFor(actorB), a.user.id, change),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "LAST_SUPERADMIN", status: 409 });
    const rows = [(await userRow(a.email))!, (await userRow(b.email))!];
    expect(rows.filter((u) => u.role === "superadmin" && u.status === "active")).toHaveLength(1);
  });
});

/** Leaves only `keep` as active superadmins (tests in one file share a database). */
async function demoteOtherSuperadmins(by: { token: string }, keep: string[]) {
  const res = await listUsers(by.token, { role: "superadmin", limit: 100 });
  for (const u of res.body.users as { id: string }[]) {
    if (!keep.includes(u.id)) expect((await patchUser(by.token, u.id, { role: "admin" })).status).toBe(200);
  }
}

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
      userId: d.user.id, // the account is gone; its events are still found by its id (docs/PRIVACY.md "Deletion")
      actorId: root.user.id,
      detail: { targetId: d.user.id, emailSha256: sha256(d.email), role: "doctor", verified: true },
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
    await demoteOtherSuperadmins(a, [a.user.id, b.user.id]);
    const results = await Promise.all([deleteUser(a.token, b.user.id), deleteUser(b.token, a.user.id)]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect([401, 409]).toContain(results.find((r) => r.status !== 200)!.status);
    expect([await userRow(a.email), await userRow(b.email)].filter(Boolean)).toHaveLength(1);
  });

  it("two authorised concurrent deletions of the last two superadmins: exactly one wins, the other is 409", async () => {
    const a = await signedInSuperadmin();
    const b = await signedInWithRole("superadmin", a);
    await demoteOtherSuperadmins(a, [a.user.id, b.user.id]);
    const [actorA, actorB] = [(await userRow(a.email))!, (await userRow(b.email))!];
    const results = await Promise.allSettled([removeUser(signedInActorFor(actorA), b.user.id), removeUser(signedInActorFor(actorB), a.user.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "LAST_SUPERADMIN" });
    expect([await userRow(a.email), await userRow(b.email)].filter(Boolean)).toHaveLength(1);
  });
});
