import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as signupRoute from "@/app/api/auth/signup/route";
import { recordGrants, users } from "@/lib/db/schema";
import { runRetention } from "@/lib/ops/retention";
import { verifiedPatient } from "../helpers/accounts";
import { cancelDeletion, scheduleDeletion } from "../helpers/account-data";
import { eventsAbout, listAudit, queuedTo, signedInAdmin, signedInSuperadmin, signedInWithRole, signIn } from "../helpers/admins";
import { login, me } from "../helpers/api";
import { db, userRow } from "../helpers/db";
import { call } from "../helpers/http";
import { mailWithSubject, settle } from "../helpers/mail";
import { makeProofStale } from "../helpers/reauth";
import { approvedDoctor, download, getRecord, grant, pdfBytes, PNG_1PX, storedRows, upload } from "../helpers/records";

/** docs/PRIVACY.md "Deletion": asking ends access at once; the grace period ends in a real deletion. */

const DAY = 86_400_000;

async function grantsOf(userId: string) {
  return (await db()).select().from(recordGrants).where(sql`${recordGrants.patientId} = ${userId} or ${recordGrants.doctorId} = ${userId}`);
}

/** Moves a scheduled deletion into the past (time travel instead of waiting 30 days). */
async function makeDue(userId: string) {
  await (await db()).update(users).set({ deletionScheduledFor: sql`now() - interval '1 second'` }).where(eq(users.id, userId));
}

describe("POST /api/account/deletion", () => {
  it("ends every session and every grant at once, emails the date, and lets the owner sign in and keep the account", async () => {
    const p = await verifiedPatient();
    const other = await signIn(p.email, p.password);
    const doctor = await approvedDoctor();
    const id = (await upload(p.token, { bytes: PNG_1PX, filename: "scan.png" })).body.record.id;
    expect((await grant(p.token, doctor.user.id)).status).toBe(201);
    expect((await getRecord(doctor.token, id)).status).toBe(200);

    const before = Date.now();
    const res = await scheduleDeletion(p.token);
    expect(res.status).toBe(200);
    const at = Date.parse(res.body.scheduledFor);
    expect(at).toBeGreaterThanOrEqual(before + 30 * DAY - 5000);
    expect(at).toBeLessThanOrEqual(Date.now() + 30 * DAY + 5000);
    expect(res.cookie).toMatch(/Max-Age=0/);
    // Every session ended, this one and the other; every grant revoked; the doctor reads nothing.
    expect((await me(p.token)).status).toBe(401);
    expect((await me(other.token)).status).toBe(401);
    expect((await grantsOf(p.user.id)).every((g) => g.revokedAt)).toBe(true);
    expect((await getRecord(doctor.token, id)).status).toBe(404);
    const notice = await mailWithSubject(p.email, "Your CareGate account will be deleted");
    expect(notice.text).toContain(res.body.scheduledFor.slice(0, 10));
    expect(notice.text).toContain("Keep my account");

    // Signing in during the grace period works and shows the date.
    const back = await login(p.email, p.password);
    expect(back.status).toBe(200);
    expect(back.body.user.deletionScheduledFor).toBe(res.body.scheduledFor);

    const kept = await cancelDeletion(back.body.token);
    expect(kept.status).toBe(200);
    expect((await me(back.body.token)).body.user.deletionScheduledFor).toBeNull();
    await mailWithSubject(p.email, "Your CareGate account will not be deleted");
    // Revoked grants stay revoked; the account and its records stay, even after the job runs.
    expect((await grantsOf(p.user.id)).every((g) => g.revokedAt)).toBe(true);
    await runRetention();
    expect(await userRow(p.email)).toBeTruthy();
    expect((await storedRows(p.user.id)).records).toBe(1);
  });

  it("needs a recent proof: a stale session gets 403 REAUTH_REQUIRED and nothing changes", async () => {
    const p = await verifiedPatient();
    await makeProofStale(p.token);
    const res = await scheduleDeletion(p.token);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("REAUTH_REQUIRED");
    expect((await me(p.token)).body.user.deletionScheduledFor).toBeNull();
  });

  it("refuses the last active superadmin with 409 LAST_SUPERADMIN, counting one who is leaving as gone", async () => {
    const root = await signedInSuperadmin();
    expect((await scheduleDeletion(root.token)).body.code).toBe("LAST_SUPERADMIN");
    const second = await signedInWithRole("superadmin", root);
    expect((await scheduleDeletion(root.token)).status).toBe(200);
    // The first is leaving: the second is now the last one who stays.
    expect((await scheduleDeletion(second.token)).body.code).toBe("LAST_SUPERADMIN");
  });
});

describe("the retention job carries out due deletions", () => {
  it("deletes the account, its records and bytes; keeps its audit events without email, name or IP; the address can sign up anew", async () => {
    const p = await verifiedPatient({ name: "Leila Unique-Name" });
    const doctor = await approvedDoctor();
    const ids = [
      (await upload(p.token, { bytes: pdfBytes(600 * 1024), filename: "a.pdf" })).body.record.id,
      (await upload(p.token, { bytes: PNG_1PX, filename: "b.png" })).body.record.id,
    ];
    await grant(p.token, doctor.user.id);
    await (await download(doctor.token, ids[0]!)).arrayBuffer();
    expect((await storedRows(p.user.id)).chunks).toBe(4);

    expect((await scheduleDeletion(p.token)).status).toBe(200);
    await runRetention();
    expect(await userRow(p.email)).toBeTruthy(); // not due yet
    await makeDue(p.user.id);
    const report = await runRetention();
    expect(report.deletions).toBe(1);

    expect(await userRow(p.email)).toBeUndefined();
    expect(await storedRows(p.user.id)).toEqual({ blobs: 0, chunks: 0, records: 0 });
    expect(await grantsOf(p.user.id)).toEqual([]);
    expect((await getRecord(doctor.token, ids[0]!)).status).toBe(404);
    expect((await download(doctor.token, ids[1]!)).status).toBe(404);

    // The trail stays under the account's id, without the address, the name or any IP.
    const events = await eventsAbout(p.user.id);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["signup", "record_uploaded", "record_accessed", "deletion_scheduled", "account_deleted"]));
    const trail = JSON.stringify(events);
    expect(trail).not.toContain(p.email);
    expect(trail).not.toContain("Leila Unique-Name");
    expect(events.every((e) => e.ip === null && e.userAgent === null)).toBe(true);
    const deleted = events.find((e) => e.type === "account_deleted")!;
    expect((deleted.detail as { emailHmac: string }).emailHmac).toMatch(/^[0-9a-f]{64}$/);
    const admin = await signedInAdmin();
    const listed = await listAudit(admin.token, { userId: p.user.id, limit: 100 });
    expect(listed.status).toBe(200);
    expect(listed.body.events.length).toBe(events.length);
    expect(listed.body.events.every((e: { user: unknown }) => e.user === null)).toBe(true);

    // The last email arrives although the account is gone; nothing else to the address stays queued.
    await settle();
    await mailWithSubject(p.email, "Your CareGate account was deleted");
    expect((await queuedTo(p.email)).map((m) => [m.subject, m.userId])).toEqual([["Your CareGate account was deleted", null]]);

    // The address is free: a sign-up makes a new account.
    const again = await call(signupRoute, "POST", { body: { name: "New Person", email: p.email, password: p.password } });
    expect(again.status).toBe(201);
    const fresh = await userRow(p.email);
    expect(fresh!.id).not.toBe(p.user.id);
    expect(fresh!.emailVerifiedAt).toBeNull();
  });

  it("skips a deletion that was cancelled before it came due", async () => {
    const p = await verifiedPatient();
    await scheduleDeletion(p.token);
    const back = await login(p.email, p.password);
    await makeDue(p.user.id);
    expect((await cancelDeletion(back.body.token)).status).toBe(200);
    expect((await runRetention()).deletions).toBe(0);
    expect(await userRow(p.email)).toBeTruthy();
  });
});
