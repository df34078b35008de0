import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifiedPatient } from "../helpers/accounts";
import { listUsers, patchUser, signedInAdmin } from "../helpers/admins";
import { db } from "../helpers/db";
import { signUpDoctor, verifiedDoctor } from "../helpers/doctors";

/** GET /api/users: search, filters and paging for admins; nothing for anyone else. */

/** A word no other test's names contain, so a search sees only this test's accounts. */
const tag = () => `Zq${randomUUID().slice(0, 8)}`;

/**
 * `count` verified accounts named "Bulk <word>" in one statement (through the API this would be as
 * many signups); the row shape is the one signup writes, and the search reads them like any other.
 * Statistics are refreshed so the planner's estimate sees them.
 */
async function bulkAccounts(word: string, count: number) {
  await (await db()).execute(sql`
    insert into users (email, name, password_hash, email_verified_at)
    select ${`${word.toLowerCase()}-`} || g || '@example.com', ${`Bulk ${word}`}, 'not-a-hash', now()
    from generate_series(1, ${count}::int) g`);
  await (await db()).execute(sql`analyze users`);
}

describe("GET /api/users", () => {
  it("patients and doctors get 403; without a session 401", async () => {
    for (const caller of [await verifiedPatient(), await verifiedDoctor()]) {
      const res = await listUsers(caller.token);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: expect.any(String), code: "FORBIDDEN" });
      // Authorisation comes before validation: a bad filter tells them nothing either.
      expect((await listUsers(caller.token, { role: "owner" })).status).toBe(403);
    }
    expect((await listUsers("")).status).toBe(401);
  });

  it("searches name and email case-insensitively, and pages with a total, newest first", async () => {
    const admin = await signedInAdmin();
    const word = tag();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await verifiedPatient({ name: `Pat ${word} ${i}` }));
    const byName = await listUsers(admin.token, { q: word.toUpperCase(), limit: 2 });
    expect(byName.status).toBe(200);
    expect(byName.body).toMatchObject({ total: 5, page: 1, limit: 2 });
    expect(byName.body.users.map((u: { name: string }) => u.name)).toEqual([`Pat ${word} 4`, `Pat ${word} 3`]);
    const page3 = await listUsers(admin.token, { q: word, limit: 2, page: 3 });
    expect(page3.body.users.map((u: { name: string }) => u.name)).toEqual([`Pat ${word} 0`]);
    expect((await listUsers(admin.token, { q: word, limit: 2, page: 9 })).body).toMatchObject({ users: [], total: 5 });

    const byEmail = await listUsers(admin.token, { q: ` ${made[2]!.email.slice(0, 16)} ` });
    expect(byEmail.body.users.map((u: { id: string }) => u.id)).toEqual([made[2]!.user.id]);
    expect(JSON.stringify(byEmail.body)).not.toMatch(/passwordHash|tokenVersion/);
    // Email and name are searched as one indexed text, but a match never runs from one into the other.
    const across = await listUsers(admin.token, { q: `${made[2]!.email.slice(-6)}Pat ${word}` });
    expect(across.body).toMatchObject({ users: [], total: 0, totalExact: true });
  });

  it("matches % and _ literally", async () => {
    const admin = await signedInAdmin();
    const word = tag();
    await verifiedPatient({ name: `${word} 100% sure` });
    await verifiedPatient({ name: `${word} 1000 sure` });
    const res = await listUsers(admin.token, { q: `${word} 100%` });
    expect(res.body.users.map((u: { name: string }) => u.name)).toEqual([`${word} 100% sure`]);
    expect((await listUsers(admin.token, { q: `${word}_` })).body.total).toBe(0);
  });

  it("filters by role, status, approval and verification (the pending-doctors view)", async () => {
    const admin = await signedInAdmin();
    const word = tag();
    const pending = await verifiedDoctor({ name: `Dr ${word} Pending` });
    const approved = await verifiedDoctor({ name: `Dr ${word} Approved` });
    await signUpDoctor({ name: `Dr ${word} Unverified` });
    const patient = await verifiedPatient({ name: `${word} Patient` });
    await patchUser(admin.token, approved.user.id, { approval: "approved" });
    await patchUser(admin.token, patient.user.id, { status: "suspended" });

    const names = async (query: Record<string, string>) =>
      ((await listUsers(admin.token, { q: word, ...query })).body.users as { name: string }[]).map((u) => u.name).sort();
    expect(await names({ role: "doctor", approval: "pending", verified: "true" })).toEqual([`Dr ${word} Pending`]);
    expect(await names({ approval: "pending" })).toEqual([`Dr ${word} Pending`, `Dr ${word} Unverified`]);
    expect(await names({ approval: "approved" })).toEqual([`Dr ${word} Approved`]);
    expect(await names({ status: "suspended" })).toEqual([`${word} Patient`]);
    expect(await names({ role: "patient" })).toEqual([`${word} Patient`]);
    expect(await names({ verified: "false" })).toEqual([`Dr ${word} Unverified`]);
    // Empty parameters (an untouched filter form) mean "no filter".
    expect(await names({ role: "", status: "", approval: "" })).toHaveLength(4);

    const [doctor] = (await listUsers(admin.token, { q: word, approval: "pending", verified: "true" })).body.users;
    expect(doctor).toMatchObject({ role: "doctor", specialty: "Cardiology", licenseNumber: pending.licenseNumber, approval: "pending" });
  });

  it("counts a total exactly up to 1,000 matches, and above that gives the database's estimate and says so", async () => {
    const admin = await signedInAdmin();
    const word = tag();
    await bulkAccounts(word, 1005);

    const many = await listUsers(admin.token, { q: word, limit: 3, page: 2 });
    expect(many.status).toBe(200);
    expect(many.body).toMatchObject({ totalExact: false, page: 2, limit: 3 });
    expect(many.body.total).toBeGreaterThan(1000);
    expect(many.body.users).toHaveLength(3);

    const few = await listUsers(admin.token, { q: `${word}-100`, limit: 3 }); // -100, -1000…-1005
    expect(few.body).toMatchObject({ total: 7, totalExact: true });
  });

  it("does not count when the database expects fifteen thousand matches or more, and the last page still gives the exact total", async () => {
    const admin = await signedInAdmin();
    const word = tag();
    await bulkAccounts(word, 24005);

    const first = await listUsers(admin.token, { q: word, limit: 100 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ totalExact: false, page: 1, limit: 100 });
    expect(first.body.total).toBeGreaterThanOrEqual(15_000);
    expect(first.body.users).toHaveLength(100);

    const last = await listUsers(admin.token, { q: word, limit: 100, page: 241 });
    expect(last.body).toMatchObject({ total: 24005, totalExact: true, page: 241 });
    expect(last.body.users).toHaveLength(5);
    // The first and the last page do not overlap, and together with the rest they are every match.
    const firstIds = new Set(first.body.users.map((u: { id: string }) => u.id));
    expect(last.body.users.some((u: { id: string }) => firstIds.has(u.id))).toBe(false);

    const past = await listUsers(admin.token, { q: word, limit: 100, page: 242 });
    expect(past.body).toMatchObject({ users: [], totalExact: false });
  });

  it("invalid filters are 400 VALIDATION_FAILED with a field each", async () => {
    const admin = await signedInAdmin();
    const res = await listUsers(admin.token, { role: "owner", status: "deleted", approval: "maybe", verified: "yes", page: "0", limit: "1000", q: "x".repeat(101) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(res.body.fields).sort()).toEqual(["approval", "limit", "page", "q", "role", "status", "verified"]);
    // U+0001 joins email and name in the search index (userSearchText): a search can never hold it.
    for (const query of [{ page: "1.5" }, { page: "-1" }, { limit: "ten" }, { q: "a\u0000b" }, { q: "com\u0001Pat" }]) {
      expect((await listUsers(admin.token, query)).status).toBe(400);
    }
  });
});
