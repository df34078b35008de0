import { and, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { securityEvents } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { eventsAbout, listAudit, patchUser, signedInAdmin } from "../helpers/admins";
import { db } from "../helpers/db";
import { verifiedDoctor } from "../helpers/doctors";

/** GET /api/audit: filters, newest-first keyset paging, and who may read it. */

type Event = { id: number; type: string; createdAt: string; userId: string | null; actorId: string | null; detail: Record<string, unknown> | null };

/** Arranges `n` events about a user at given instants (PostgreSQL text, microseconds included). */
async function insertEvents(userId: string, at: string[], type = "signin_ok") {
  await (await db()).insert(securityEvents).values(at.map((t) => ({ type, userId, createdAt: sql`${t}::timestamptz` })));
}

/** Follows nextCursor to the end and returns every event in order. */
async function readAll(token: string, query: Record<string, string | number>) {
  const all: Event[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const res = await listAudit(token, { ...query, ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    all.push(...res.body.events);
    cursor = res.body.nextCursor ?? undefined;
    if (!cursor) return { all, pages: pages + 1 };
  }
  throw new Error("did not end");
}

describe("GET /api/audit", () => {
  it("patients and doctors get 403; without a session 401", async () => {
    for (const caller of [await verifiedPatient(), await verifiedDoctor()]) {
      expect((await listAudit(caller.token)).status).toBe(403);
      expect((await listAudit(caller.token, { userId: caller.user.id })).status).toBe(403);
    }
    expect((await listAudit("")).status).toBe(401);
  });

  it("filters by user and names the subject and the actor", async () => {
    const admin = await signedInAdmin();
    const p = await verifiedPatient({ name: "Audit Subject" });
    await patchUser(admin.token, p.user.id, { status: "suspended", reason: "Chargeback" });
    const res = await listAudit(admin.token, { userId: p.user.id });
    expect(res.status).toBe(200);
    expect(res.body.events.every((e: Event) => e.userId === p.user.id)).toBe(true);
    expect(res.body.events[0]).toMatchObject({
      type: "user_suspended",
      user: { email: p.email, name: "Audit Subject" },
      actorId: admin.user.id,
      actor: { email: admin.email },
      detail: { before: { status: "active" }, after: { status: "suspended" }, reason: "Chargeback" },
    });
    expect(res.body.events.map((e: Event) => e.type)).toEqual(expect.arrayContaining(["signup", "code_verified"]));
    const byActor = await listAudit(admin.token, { actorId: admin.user.id, event: "user_suspended" });
    expect(byActor.body.events.map((e: Event) => e.userId)).toContain(p.user.id);
  });

  it("pages newest first with a cursor: no event skipped or repeated, ties on the timestamp included", async () => {
    const admin = await signedInAdmin();
    const p = await verifiedPatient();
    const instants = [
      ...Array.from({ length: 12 }, () => "2021-03-04 05:06:07.123456+00"), // identical: only the id orders them
      "2021-03-04 05:06:07.123457+00", // a microsecond later than the tie: a millisecond cursor would lose it
      "2021-03-04 05:06:07.1234+00",
      ...Array.from({ length: 9 }, (_, i) => `2021-03-0${i + 1} 00:00:00+00`),
    ];
    await insertEvents(p.user.id, instants);
    const { all, pages } = await readAll(admin.token, { userId: p.user.id, event: "signin_ok", limit: 5 });
    expect(all).toHaveLength(instants.length);
    expect(pages).toBe(Math.ceil(instants.length / 5));
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    // The order the database itself gives (microsecond timestamps, then id), read in one go.
    const expected = await (await db())
      .select({ id: securityEvents.id })
      .from(securityEvents)
      .where(and(eq(securityEvents.userId, p.user.id), eq(securityEvents.type, "signin_ok")))
      .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id));
    expect(all.map((e) => e.id)).toEqual(expected.map((r) => r.id));
    // The microsecond-later event comes before the twelve tied ones, and the ties run by id, newest first.
    expect(all[0]!.id).toBe(Math.max(...all.slice(0, 13).map((e) => e.id)));
  });

  it("each event is its row as the API describes it: UTC milliseconds, null people once an account is gone", async () => {
    const admin = await signedInAdmin();
    const gone = crypto.randomUUID(); // the trail outlives accounts: no user has this id
    await insertEvents(gone, ["2023-01-02 03:04:05.678999+05"], "account_deleted");
    const res = await listAudit(admin.token, { userId: gone });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const [row] = await eventsAbout(gone);
    expect(res.body).toEqual({
      events: [
        {
          id: row!.id,
          type: "account_deleted",
          createdAt: "2023-01-01T22:04:05.678Z", // as a JS Date gives it: to the millisecond, never rounded up
          userId: gone,
          actorId: null,
          ip: null,
          userAgent: null,
          detail: null,
          user: null,
          actor: null,
        },
      ],
      nextCursor: null,
    });
  });

  it("filters by date range: a date is a whole UTC day, a date-time is exact", async () => {
    const admin = await signedInAdmin();
    const p = await verifiedPatient();
    await insertEvents(p.user.id, ["2022-06-30 23:59:59.999999+00", "2022-07-01 00:00:00+00", "2022-07-01 23:59:59.5+00", "2022-07-02 00:00:00+00"], "password_changed");
    const count = async (q: Record<string, string>) => (await listAudit(admin.token, { userId: p.user.id, event: "password_changed", ...q })).body.events.length;
    expect(await count({ from: "2022-07-01", to: "2022-07-01" })).toBe(2);
    expect(await count({ from: "2022-07-01" })).toBe(3);
    expect(await count({ to: "2022-06-30" })).toBe(1);
    expect(await count({ from: "2022-07-01T00:00:00Z", to: "2022-07-02T00:00:00Z" })).toBe(3);
    expect(await count({ from: "2022-07-01T02:00:00+02:00", to: "2022-07-01T12:00:00+00:00" })).toBe(1);
  });

  it("invalid filters are 400 VALIDATION_FAILED with fields; nothing leaks as a 500", async () => {
    const admin = await signedInAdmin();
    const res = await listAudit(admin.token, { userId: "abc", actorId: "1", event: "made_up", from: "2024-02-30", to: "yesterday", limit: 0 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(res.body.fields).sort()).toEqual(["actorId", "event", "from", "limit", "to", "userId"]);
    expect((await listAudit(admin.token, { from: "2024-05-02", to: "2024-05-01" })).body.fields).toHaveProperty("to");
    const forged = [
      "not base64!",
      Buffer.from("[1,2]").toString("base64url"),
      Buffer.from('["2024-02-30 00:00:00+00", 5]').toString("base64url"),
      Buffer.from('["2024-01-01 00:00:00+00", -1]').toString("base64url"),
      Buffer.from("{}").toString("base64url"),
    ];
    for (const cursor of forged) {
      const r = await listAudit(admin.token, { cursor });
      expect(r.status).toBe(400);
      expect(r.body.fields).toHaveProperty("cursor");
    }
  });
});
