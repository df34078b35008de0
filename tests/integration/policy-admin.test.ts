import { eq, ne, and } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as resetRoute from "@/app/api/users/[id]/mfa/reset/route";
import {
  type AdminRefusal,
  type AdminTarget,
  actorChangedRefusal,
  changeRefusal,
  deleteRefusal,
  factorResetRefusal,
  mayAdminister,
  mayDeleteAccounts,
  outranks,
  refusalError,
} from "@/lib/admin/policy";
import { users } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { deleteUser, patchUser, type Signed, signedInAdmin, signedInSuperadmin } from "../helpers/admins";
import { db } from "../helpers/db";
import { verifiedDoctor } from "../helpers/doctors";
import { call } from "../helpers/http";

/**
 * The admin policy (lib/admin/policy.ts) as tables: first the pure rules on plain values, then the
 * same rows through the admin API on the real database, where the services decide on locked rows.
 */

type Role = AdminTarget["role"];
const acct = (id: string, role: Role, status: AdminTarget["status"] = "active"): AdminTarget => ({ id, role, status });

describe("the admin rules, on plain values", () => {
  const admin = acct("a", "admin");
  const root = acct("s", "superadmin");
  const patient = acct("p", "patient");
  const doctor = acct("d", "doctor");
  const otherAdmin = acct("a2", "admin");
  const otherRoot = acct("s2", "superadmin");
  const supers = ["s", "s2"];
  const keep = (t: AdminTarget) => ({ role: t.role, status: t.status });

  // [actor, target, change, active superadmins, expected]
  const changes: [string, AdminTarget, AdminTarget, { role: Role; status: AdminTarget["status"] }, string[], AdminRefusal | null][] = [
    ["admin renames a patient", admin, patient, keep(patient), supers, null],
    ["admin suspends a doctor", admin, doctor, { role: "doctor", status: "suspended" }, supers, null],
    ["admin demotes another admin", admin, otherAdmin, { role: "patient", status: "active" }, supers, null],
    ["admin makes a patient an admin", admin, patient, { role: "admin", status: "active" }, supers, null],
    ["admin makes a patient a superadmin", admin, patient, { role: "superadmin", status: "active" }, supers, "outranked"],
    ["admin renames a superadmin", admin, root, keep(root), supers, "outranked"],
    ["admin suspends a superadmin", admin, root, { role: "superadmin", status: "suspended" }, supers, "outranked"],
    ["superadmin makes an admin a superadmin", root, otherAdmin, { role: "superadmin", status: "active" }, supers, null],
    ["superadmin suspends another superadmin", root, otherRoot, { role: "superadmin", status: "suspended" }, supers, null],
    ["superadmin demotes the last superadmin (themself)", root, root, { role: "admin", status: "active" }, ["s"], "last_superadmin"],
    ["superadmin suspends the last superadmin (themself)", root, root, { role: "superadmin", status: "suspended" }, ["s"], "last_superadmin"],
    ["superadmin demotes themself, another remaining", root, root, { role: "admin", status: "active" }, supers, "own_role"],
    ["admin changes their own role", admin, admin, { role: "patient", status: "active" }, supers, "own_role"],
    ["admin suspends themself", admin, admin, { role: "admin", status: "suspended" }, supers, "own_status"],
    ["admin renames themself", admin, admin, keep(admin), supers, null],
    ["superadmin reactivates a suspended superadmin", root, acct("s3", "superadmin", "suspended"), { role: "superadmin", status: "active" }, ["s"], null],
  ];
  it.each(changes)("%s", (_, actor, target, after, active, refusal) => {
    expect(changeRefusal(actor, target, after, active)).toBe(refusal);
  });

  const deletions: [string, AdminTarget, AdminTarget, string[], AdminRefusal | null][] = [
    ["admin deletes a patient", admin, patient, supers, "superadmin_only"],
    ["superadmin deletes a patient", root, patient, supers, null],
    ["superadmin deletes an admin", root, otherAdmin, supers, null],
    ["superadmin deletes another superadmin", root, otherRoot, supers, null],
    ["superadmin deletes themself", root, root, supers, "own_account"],
    ["the last superadmin deletes themself", root, root, ["s"], "last_superadmin"],
  ];
  it.each(deletions)("%s", (_, actor, target, active, refusal) => {
    expect(deleteRefusal(actor, target, active)).toBe(refusal);
  });

  const resets: [string, AdminTarget, AdminTarget, AdminRefusal | null][] = [
    ["admin resets a patient's factors", admin, patient, null],
    ["admin resets another admin's", admin, otherAdmin, null],
    ["admin resets a superadmin's", admin, root, "outranked"],
    ["admin resets their own", admin, admin, "own_factors"],
    ["superadmin resets an admin's", root, otherAdmin, null],
    ["superadmin resets their own", root, root, "own_factors"],
  ];
  it.each(resets)("%s", (_, actor, target, refusal) => {
    expect(factorResetRefusal(actor, target)).toBe(refusal);
  });

  it("lets only admins administer, only superadmins delete, and nobody below act upwards", () => {
    expect([patient, doctor, admin, root].map(mayAdminister)).toEqual([false, false, true, true]);
    expect([patient, doctor, admin, root].map(mayDeleteAccounts)).toEqual([false, false, false, true]);
    expect(outranks(patient, patient)).toBe(false);
    expect(outranks(admin, otherAdmin)).toBe(true);
    expect(outranks(admin, otherAdmin, "superadmin")).toBe(false);
    expect(outranks(root, otherRoot)).toBe(true);
  });

  it("stops an actor whose authority changed under the lock", () => {
    const me = { role: "admin" as const, tokenVersion: 3 };
    expect(actorChangedRefusal(me, { role: "admin", status: "active", tokenVersion: 3 })).toBeNull();
    expect(actorChangedRefusal(me, { role: "admin", status: "active", tokenVersion: 4 })).toBe("actor_changed");
    expect(actorChangedRefusal(me, { role: "admin", status: "suspended", tokenVersion: 3 })).toBe("actor_changed");
    expect(actorChangedRefusal(me, { role: "patient", status: "active", tokenVersion: 3 })).toBe("actor_changed");
    expect(actorChangedRefusal(me, { role: "superadmin", status: "active", tokenVersion: 3 })).toBe("actor_changed");
    expect(actorChangedRefusal(me, undefined)).toBe("actor_changed");
  });

  it("answers each refusal with the API's status, code and message", () => {
    const answer = (r: AdminRefusal) => {
      const e = refusalError(r);
      return [e.status, e.code, e.message];
    };
    expect(answer("outranked")).toEqual([403, "FORBIDDEN", "You are not allowed to do this."]);
    expect(answer("last_superadmin")).toEqual([409, "LAST_SUPERADMIN", "At least one active super administrator must remain."]);
    expect(answer("own_role")).toEqual([403, "FORBIDDEN", "You cannot change your own role."]);
    expect(answer("own_factors")).toEqual([403, "FORBIDDEN", "Turn off your own factors from your account page."]);
  });
});

describe("the same rules through the admin API", () => {
  let admin: Signed;
  let root: Signed;
  beforeAll(async () => {
    root = await signedInSuperadmin();
    admin = await signedInAdmin();
  });

  const reset = (token: string, id: string) => call(resetRoute, "POST", { token, params: { id } });
  const target = async (role: Role): Promise<string> => {
    if (role === "superadmin") return (await signedInSuperadmin()).user.id;
    if (role === "admin") return (await signedInAdmin()).user.id;
    if (role === "doctor") return (await verifiedDoctor()).user.id;
    return (await verifiedPatient()).user.id;
  };
  type Act = (token: string, id: string) => Promise<{ status: number; body: any }>;
  const rename: Act = (t, id) => patchUser(t, id, { name: "Renamed" });
  const suspend: Act = (t, id) => patchUser(t, id, { status: "suspended" });
  const approve: Act = (t, id) => patchUser(t, id, { approval: "approved" });
  const toRole = (role: Role): Act => (t, id) => patchUser(t, id, { role });
  const remove: Act = (t, id) => deleteUser(t, id);

  // [actor, target role ("self" for the actor), action, action name, status, code]
  const rows: ["admin" | "superadmin", Role | "self", string, Act, number, string | null][] = [
    ["admin", "patient", "rename", rename, 200, null],
    ["admin", "patient", "suspend", suspend, 200, null],
    ["admin", "doctor", "approve", approve, 200, null],
    ["admin", "patient", "reset factors", reset, 200, null],
    ["admin", "admin", "suspend", suspend, 200, null],
    ["admin", "admin", "demote", toRole("patient"), 200, null],
    ["admin", "patient", "make superadmin", toRole("superadmin"), 403, "FORBIDDEN"],
    ["admin", "superadmin", "rename", rename, 403, "FORBIDDEN"],
    ["admin", "superadmin", "reset factors", reset, 403, "FORBIDDEN"],
    ["admin", "patient", "delete", remove, 403, "FORBIDDEN"],
    ["admin", "self", "change role", toRole("patient"), 403, "FORBIDDEN"],
    ["admin", "self", "suspend", suspend, 403, "FORBIDDEN"],
    ["admin", "self", "reset factors", reset, 403, "FORBIDDEN"],
    ["superadmin", "admin", "make superadmin", toRole("superadmin"), 200, null],
    ["superadmin", "superadmin", "suspend", suspend, 200, null],
    ["superadmin", "patient", "delete", remove, 200, null],
    ["superadmin", "self", "delete", remove, 403, "FORBIDDEN"],
    ["superadmin", "self", "demote", toRole("admin"), 403, "FORBIDDEN"],
  ];

  it.each(rows)("%s on %s: %s → %i %s", async (who, role, _, act, status, code) => {
    const actor = who === "admin" ? admin : root;
    const id = role === "self" ? actor.user.id : await target(role);
    const res = await act(actor.token, id);
    expect(res.status).toBe(status);
    if (code) expect(res.body.code).toBe(code);
  });

  it("keeps the last active superadmin: demoting, suspending or deleting them is 409", async () => {
    // Every other superadmin of this file's database is suspended, so `root` is the last active one.
    await (await db())
      .update(users)
      .set({ status: "suspended" })
      .where(and(eq(users.role, "superadmin"), ne(users.id, root.user.id)));
    for (const act of [toRole("admin"), suspend, remove]) {
      const res = await act(root.token, root.user.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("LAST_SUPERADMIN");
    }
  });
});
