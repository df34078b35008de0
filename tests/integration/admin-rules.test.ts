import { describe, expect, it } from "vitest";
import { updateUser } from "@/lib/admin/update";
import { verifiedPatient } from "../helpers/accounts";
import { deleteUser, eventsAbout, getUser, listUsers, patchUser, signedInAdmin, signedInSuperadmin, signedInWithRole, signIn } from "../helpers/admins";
import { userRow } from "../helpers/arrange";
import { verifiedDoctor } from "../helpers/doctors";
import { me } from "../helpers/lifecycle";

/** PATCH /api/users/{id}: who may change whom (docs/ADMIN.md), and what a change does to sessions and the trail. */

describe("admin changes: who may act", () => {
  it("patients and doctors get 403 FORBIDDEN and nothing changes", async () => {
    const target = await verifiedPatient();
    const before = await userRow(target.email);
    for (const caller of [await verifiedPatient(), await verifiedDoctor()]) {
      for (const body of [{ status: "suspended" }, { role: "admin" }, { name: "Hacked" }]) {
        const res = await patchUser(caller.token, target.user.id, body);
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ error: expect.any(String), code: "FORBIDDEN" });
      }
      // Not even themselves: there is no self-service role change.
      expect((await patchUser(caller.token, caller.user.id, { role: "admin" })).status).toBe(403);
    }
    expect(await userRow(target.email)).toEqual(before);
    expect(await eventsAbout(target.user.id)).not.toContainEqual(expect.objectContaining({ actorId: expect.any(String) }));
  });

  it("without a session is 401", async () => {
    const target = await verifiedPatient();
    expect((await patchUser("", target.user.id, { status: "suspended" })).status).toBe(401);
  });

  it("an admin can suspend a patient; the patient's open sessions are refused at once", async () => {
    const admin = await signedInAdmin();
    const p = await verifiedPatient();
    expect((await me(p.token)).status).toBe(200);
    const res = await patchUser(admin.token, p.user.id, { status: "suspended", reason: "Abuse report 17" });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: p.user.id, status: "suspended", activeSessions: 0 });
    expect((await me(p.token)).status).toBe(401);
    const [event] = (await eventsAbout(p.user.id)).filter((e) => e.type === "user_suspended");
    expect(event).toMatchObject({
      actorId: admin.user.id,
      userId: p.user.id,
      detail: { targetId: p.user.id, before: { status: "active" }, after: { status: "suspended" }, reason: "Abuse report 17" },
    });
  });

  it("reactivation lets the account sign in again (old sessions stay ended)", async () => {
    const admin = await signedInAdmin();
    const p = await verifiedPatient();
    await patchUser(admin.token, p.user.id, { status: "suspended" });
    const res = await patchUser(admin.token, p.user.id, { status: "active" });
    expect(res.status).toBe(200);
    expect(res.body.user.status).toBe("active");
    expect((await me(p.token)).status).toBe(401);
    expect((await me((await signIn(p.email, p.password)).token)).status).toBe(200);
    expect((await eventsAbout(p.user.id)).map((e) => e.type)).toContain("user_reactivated");
  });

  it("a role change ends the user's sessions and is audited before → after", async () => {
    const root = await signedInSuperadmin();
    const p = await verifiedPatient();
    const versionBefore = (await userRow(p.email))!.tokenVersion;
    const res = await patchUser(root.token, p.user.id, { role: "admin", reason: "New support lead" });
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe("admin");
    expect((await userRow(p.email))!.tokenVersion).toBe(versionBefore + 1);
    expect((await me(p.token)).status).toBe(401);
    const [event] = (await eventsAbout(p.user.id)).filter((e) => e.type === "role_changed");
    expect(event).toMatchObject({ actorId: root.user.id, detail: { before: { role: "patient" }, after: { role: "admin" }, reason: "New support lead" } });
  });

  it("a name change keeps the sessions; the same value again is no change and no event", async () => {
    const admin = await signedInAdmin();
    const p = await verifiedPatient();
    expect((await patchUser(admin.token, p.user.id, { name: "  Amira Haddad " })).body.user.name).toBe("Amira Haddad");
    expect((await me(p.token)).status).toBe(200);
    expect((await patchUser(admin.token, p.user.id, { name: "Amira Haddad", status: "active" })).status).toBe(200);
    const renames = (await eventsAbout(p.user.id)).filter((e) => e.actorId === admin.user.id);
    expect(renames.map((e) => e.type)).toEqual(["user_renamed"]);
    expect(renames[0]!.detail).toMatchObject({ before: { name: "Test Patient" }, after: { name: "Amira Haddad" } });
  });

  it("unknown and forbidden body fields never change anything", async () => {
    const admin = await signedInAdmin();
    const p = await verifiedPatient();
    const before = await userRow(p.email);
    const res = await patchUser(admin.token, p.user.id, { email: "x@example.test", tokenVersion: 99, emailVerifiedAt: null, passwordHash: "x", name: "Kept Name" });
    expect(res.status).toBe(200);
    const after = await userRow(p.email);
    expect({ ...after, name: before!.name, updatedAt: before!.updatedAt }).toEqual(before);
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|tokenVersion/);
  });

  it("invalid bodies are 400 VALIDATION_FAILED with fields", async () => {
    const admin = await signedInAdmin();
    const p = await verifiedPatient();
    const bad = await patchUser(admin.token, p.user.id, { role: "owner", status: "gone", approval: "pending", name: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(bad.body.fields).sort()).toEqual(["approval", "name", "role", "status"]);
    const empty = await patchUser(admin.token, p.user.id, { reason: "nothing to do" });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toHaveProperty("body");
    const control = await patchUser(admin.token, p.user.id, { status: "suspended", reason: "line\nbreak" });
    expect(control.body.fields).toHaveProperty("reason");
    expect((await userRow(p.email))!.status).toBe("active");
  });

  it("unknown and malformed ids are 404", async () => {
    const admin = await signedInAdmin();
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "1", "'; drop table users; --"]) {
      expect((await patchUser(admin.token, id, { status: "suspended" })).status).toBe(404);
      expect((await getUser(admin.token, id)).status).toBe(404);
    }
  });
});

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
    const request = () => new Request("http://localhost:3000/api/users/x", { method: "PATCH", headers: { "user-agent": "vitest" } });
    const results = await Promise.allSettled([
      updateUser(request(), actorA, b.user.id, change),
      updateUser(request(), actorB, a.user.id, change),
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
