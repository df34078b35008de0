import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailQueue, mfaChallenges, securityEvents, sessions, throttles, users, verificationCodes, webauthnChallenges } from "@/lib/db/schema";
import { runRetention } from "@/lib/ops/retention";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { secondsAgo } from "../helpers/arrange";
import { uniqueEmail } from "../helpers/data";
import { db, userRow } from "../helpers/db";
import { sessionIdOf } from "../helpers/http";

/** docs/RULES.md "Retention": what the job deletes, and what it must keep. */
const DAY = 86_400;

describe("retention job", () => {
  it("deletes dead codes past their hour, but keeps a row whose hour still counts wrong guesses", async () => {
    const d = await db();
    const old = await signUpPatient();
    const fresh = await signUpPatient();
    const oldId = (await userRow(old.email))!.id;
    const freshId = (await userRow(fresh.email))!.id;
    // Both codes used up; only the first row's hourly window is over.
    await d.update(verificationCodes).set({ codeHash: null, hourStartedAt: secondsAgo(2 * 3600) }).where(eq(verificationCodes.userId, oldId));
    await d.update(verificationCodes).set({ codeHash: null }).where(eq(verificationCodes.userId, freshId));

    const report = await runRetention();
    expect(report.skipped).toBe(false);
    expect(await d.select().from(verificationCodes).where(eq(verificationCodes.userId, oldId))).toHaveLength(0);
    expect(await d.select().from(verificationCodes).where(eq(verificationCodes.userId, freshId))).toHaveLength(1);
  });

  it("deletes ended, idle and expired sessions and keeps live ones", async () => {
    const d = await db();
    const p = await verifiedPatient();
    const live = sessionIdOf(p.token);
    const [ended] = await d.insert(sessions).values({ userId: p.user.id, expiresAt: sql`now() + interval '1 hour'`, endedAt: sql`now()` }).returning();
    const [expired] = await d.insert(sessions).values({ userId: p.user.id, expiresAt: secondsAgo(1) }).returning();
    const [idle] = await d.insert(sessions).values({ userId: p.user.id, expiresAt: sql`now() + interval '1 hour'`, lastSeenAt: secondsAgo(2 * 3600) }).returning();

    await runRetention();
    const left = await d.select({ id: sessions.id }).from(sessions).where(inArray(sessions.id, [live, ended!.id, expired!.id, idle!.id]));
    expect(left.map((s) => s.id)).toEqual([live]);
  });

  it("deletes throttle rows past their windows, but never a sign-in hard stop", async () => {
    const d = await db();
    const tag = uniqueEmail("t");
    const row = (key: string, count: number, ago: number) => ({ key: `${key}${tag}`, count, windowStartedAt: secondsAgo(ago), lastAt: secondsAgo(ago) });
    await d.insert(throttles).values([
      row("ip-min:", 3, 300),
      row("ip-min:fresh-", 3, 5),
      row("code-hour:signup:", 2, 2 * DAY),
      row("code-hour:signup:recent-", 2, 600),
      row("login:", 7, 2 * DAY),
      row("login:locked-", 100, 2 * DAY),
    ]);
    await runRetention();
    const keys = (await d.select({ key: throttles.key }).from(throttles).where(sql`${throttles.key} like ${"%" + tag}`)).map((r) => r.key).sort();
    expect(keys).toEqual([`code-hour:signup:recent-${tag}`, `ip-min:fresh-${tag}`, `login:locked-${tag}`].sort());
  });

  it("deletes mail sent more than 7 days ago and keeps newer and unsent mail", async () => {
    const d = await db();
    const to = uniqueEmail("mail");
    const msg = { to, subject: "s", text: "t", html: "<p>t</p>" };
    const [oldSent] = await d.insert(mailQueue).values({ ...msg, status: "sent", sentAt: secondsAgo(8 * DAY) }).returning();
    const [newSent] = await d.insert(mailQueue).values({ ...msg, status: "sent", sentAt: secondsAgo(DAY) }).returning();
    const [pending] = await d.insert(mailQueue).values({ ...msg, status: "pending", nextAttemptAt: sql`now() + interval '1 hour'` }).returning();
    await runRetention();
    const left = (await d.select({ id: mailQueue.id }).from(mailQueue).where(eq(mailQueue.to, to))).map((r) => r.id).sort();
    expect(left).toEqual([newSent!.id, pending!.id].sort());
    expect(left).not.toContain(oldSent!.id);
  });

  it("deletes used and expired two-step and passkey challenges and keeps live ones", async () => {
    const d = await db();
    const p = await verifiedPatient();
    const soon = sql`now() + interval '5 minutes'`;
    const hash = () => `h${Math.random()}`;
    const [live, used, expired] = await d
      .insert(mfaChallenges)
      .values([
        { userId: p.user.id, tokenHash: hash(), expiresAt: soon },
        { userId: p.user.id, tokenHash: hash(), expiresAt: soon, usedAt: sql`now()` },
        { userId: p.user.id, tokenHash: hash(), expiresAt: secondsAgo(1) },
      ])
      .returning();
    const [pkLive, pkExpired] = await d
      .insert(webauthnChallenges)
      .values([
        { purpose: "signin", challenge: "c1", expiresAt: soon },
        { purpose: "signin", challenge: "c2", expiresAt: secondsAgo(1) },
      ])
      .returning();

    const report = await runRetention();
    expect(report.challenges).toBeGreaterThanOrEqual(3);
    const mfaLeft = await d.select({ id: mfaChallenges.id }).from(mfaChallenges).where(inArray(mfaChallenges.id, [live!.id, used!.id, expired!.id]));
    expect(mfaLeft.map((r) => r.id)).toEqual([live!.id]);
    const pkLeft = await d.select({ id: webauthnChallenges.id }).from(webauthnChallenges).where(inArray(webauthnChallenges.id, [pkLive!.id, pkExpired!.id]));
    expect(pkLeft.map((r) => r.id)).toEqual([pkLive!.id]);
  });

  it("purges unverified accounts whose last sign-up is over 7 days old, audited without the address; audit events stay", async () => {
    const d = await db();
    const stale = await signUpPatient();
    const recent = await signUpPatient();
    const verified = await verifiedPatient();
    const staleId = (await userRow(stale.email))!.id;
    await d.update(users).set({ updatedAt: secondsAgo(8 * DAY), createdAt: secondsAgo(8 * DAY) }).where(eq(users.id, staleId));
    await d.update(users).set({ createdAt: secondsAgo(30 * DAY), updatedAt: secondsAgo(30 * DAY) }).where(eq(users.email, verified.email));
    const eventsBefore = await d.select({ id: securityEvents.id }).from(securityEvents).where(eq(securityEvents.userId, staleId));
    expect(eventsBefore.length).toBeGreaterThan(0);

    const report = await runRetention();
    expect(report.accounts).toBeGreaterThanOrEqual(1);
    expect(await userRow(stale.email)).toBeUndefined();
    expect(await userRow(recent.email)).toBeDefined();
    expect(await userRow(verified.email)).toBeDefined();

    const kept = await d.select().from(securityEvents).where(inArray(securityEvents.id, eventsBefore.map((e) => e.id)));
    expect(kept).toHaveLength(eventsBefore.length);
    const [purge] = await d
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.type, "account_purged"), sql`${securityEvents.detail}->>'purgedUserId' = ${staleId}`));
    expect(purge!.detail).toMatchObject({ emailSha256: createHash("sha256").update(stale.email).digest("hex") });
    expect(JSON.stringify(purge)).not.toContain(stale.email);
  });
});

// On a PostgreSQL server several instances share the database; the advisory lock makes one of them
// run the job. (The embedded database has exactly one process — its folder lock guarantees it — so
// there is no second session to hold the lock there.)
if (process.env.TEST_DATABASE_URL) {
  describe("retention job on a shared server", () => {
    it("skips its run while another instance holds the lock", async () => {
      const { Client } = await import("pg");
      const other = new Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query("select pg_advisory_lock($1)", [0x63617265]);
        expect((await runRetention()).skipped).toBe(true);
        await other.query("select pg_advisory_unlock($1)", [0x63617265]);
        expect((await runRetention()).skipped).toBe(false);
      } finally {
        await other.end();
      }
    });
  });
}
