import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as patientsRoute from "@/app/api/patients/route";
import { approvedDoctorWhere, doctorApprovalRefusal, isApprovedDoctor, mayHoldSession, ownDeletionRefusal, signInRefusal } from "@/lib/auth/policy";
import { users } from "@/lib/db/schema";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { cancelDeletion, scheduleDeletion } from "../helpers/account-data";
import { login, me } from "../helpers/api";
import { db } from "../helpers/db";
import { setApproval, verifiedDoctor } from "../helpers/doctors";
import { call } from "../helpers/http";

/**
 * The accounts policy (lib/auth/policy.ts) as tables: what an account's own state lets it do. The
 * pure rules on plain values first, then the same states through the real routes and database.
 */

const now = new Date();

describe("the account rules, on plain values", () => {
  // [state, account, sign-in refusal, may hold a session]
  const signIns: [string, { status: "active" | "suspended"; emailVerifiedAt: Date | null }, string | null, boolean][] = [
    ["active and confirmed", { status: "active", emailVerifiedAt: now }, null, true],
    ["suspended", { status: "suspended", emailVerifiedAt: now }, "ACCOUNT_SUSPENDED", false],
    ["unconfirmed", { status: "active", emailVerifiedAt: null }, "EMAIL_NOT_VERIFIED", true],
    ["unconfirmed and suspended", { status: "suspended", emailVerifiedAt: null }, "EMAIL_NOT_VERIFIED", false],
  ];
  it.each(signIns)("%s: sign-in %s", (_, account, refusal, session) => {
    expect(signInRefusal(account)).toBe(refusal);
    expect(mayHoldSession(account)).toBe(session);
  });

  const approvals: [string, "patient" | "doctor" | "admin", "pending" | "approved" | "rejected" | null, boolean][] = [
    ["approved doctor", "doctor", "approved", true],
    ["pending doctor", "doctor", "pending", false],
    ["rejected doctor", "doctor", "rejected", false],
    ["doctor without a profile", "doctor", null, false],
    ["patient", "patient", null, false],
    ["admin", "admin", null, false],
  ];
  it.each(approvals)("%s: an approved doctor? %s", (_, role, approval, approved) => {
    expect(isApprovedDoctor({ role, approval })).toBe(approved);
    if (role === "doctor") expect(doctorApprovalRefusal(approval)).toBe(approved ? null : "DOCTOR_NOT_APPROVED");
  });

  const sa = (id: string, status: "active" | "suspended" = "active", scheduled = false) => ({
    id,
    role: "superadmin" as const,
    status,
    deletionScheduledFor: scheduled ? now : null,
  });
  // [who asks, rows locked (the account and every active superadmin), refusal]
  const deletions: [string, string, Parameters<typeof ownDeletionRefusal>[1], string | null][] = [
    ["a patient", "p", [{ id: "p", role: "patient", status: "active", deletionScheduledFor: null }, sa("s")], null],
    ["one of two superadmins", "s", [sa("s"), sa("s2")], null],
    ["the last superadmin", "s", [sa("s")], "LAST_SUPERADMIN"],
    ["a superadmin whose only peer is leaving too", "s", [sa("s"), sa("s2", "active", true)], "LAST_SUPERADMIN"],
    ["a superadmin already scheduled, peer staying", "s", [sa("s", "active", true), sa("s2")], null],
  ];
  it.each(deletions)("%s schedules their own deletion: %s", (_, id, rows, refusal) => {
    expect(ownDeletionRefusal(id, rows)).toBe(refusal);
  });
});

describe("the same states through the routes", () => {
  const patients = (token: string) => call(patientsRoute, "GET", { token });

  it("a suspended account cannot sign in and its session stops working", async () => {
    const p = await verifiedPatient();
    await (await db()).update(users).set({ status: "suspended" }).where(eq(users.id, p.user.id));
    expect((await me(p.token)).status).toBe(401);
    const res = await login(p.email, p.password);
    expect([res.status, res.body.code]).toEqual([403, "ACCOUNT_SUSPENDED"]);
  });

  it("an unconfirmed account cannot sign in", async () => {
    const p = await signUpPatient();
    const res = await login(p.email, p.password);
    expect([res.status, res.body.code]).toEqual([403, "EMAIL_NOT_VERIFIED"]);
  });

  it("a doctor's approval decides the doctor-side APIs, and the SQL rule agrees", async () => {
    const doctors = { approved: await verifiedDoctor(), pending: await verifiedDoctor(), rejected: await verifiedDoctor() };
    await setApproval(doctors.approved.user.id, "approved");
    await setApproval(doctors.rejected.user.id, "rejected");
    for (const [state, d] of Object.entries(doctors)) {
      const res = await patients(d.token);
      expect(res.status, state).toBe(state === "approved" ? 200 : 403);
      if (state !== "approved") expect(res.body.code).toBe("DOCTOR_NOT_APPROVED");
    }
    const ids = Object.values(doctors).map((d) => d.user.id);
    const approvedInSql = await (await db()).select({ id: users.id }).from(users).where(and(inArray(users.id, ids), approvedDoctorWhere(users.id)));
    expect(approvedInSql.map((r) => r.id)).toEqual([doctors.approved.user.id]);
  });

  it("an account under scheduled deletion still signs in, sees its account and keeps it", async () => {
    const p = await verifiedPatient();
    expect((await scheduleDeletion(p.token)).status).toBe(200);
    expect((await me(p.token)).status).toBe(401); // asking ends every session, this one too
    const again = await login(p.email, p.password);
    expect(again.status).toBe(200);
    expect(again.body.user.deletionScheduledFor).toEqual(expect.any(String));
    expect((await me(again.body.token)).status).toBe(200);
    expect((await cancelDeletion(again.body.token)).status).toBe(200);
  });
});
