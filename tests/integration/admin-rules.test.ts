import { describe, expect, it } from "vitest";
import { verifiedPatient } from "../helpers/accounts";
import { eventsAbout, getUser, patchUser, signedInAdmin, signIn } from "../helpers/admins";
import { me } from "../helpers/api";
import { userRow } from "../helpers/db";
import { verifiedDoctor } from "../helpers/doctors";

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
    const admin = await signedInAdmin();
    const p = await verifiedPatient();
    const versionBefore = (await userRow(p.email))!.tokenVersion;
    const res = await patchUser(admin.token, p.user.id, { role: "admin", reason: "New support lead" });
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe("admin");
    expect((await userRow(p.email))!.tokenVersion).toBe(versionBefore + 1);
    expect((await me(p.token)).status).toBe(401);
    const [event] = (await eventsAbout(p.user.id)).filter((e) => e.type === "role_changed");
    expect(event).toMatchObject({ actorId: admin.user.id, detail: { before: { role: "patient" }, after: { role: "admin" }, reason: "New support lead" } });
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
