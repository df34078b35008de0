import { and, eq, inArray, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import * as changePasswordRoute from "@/app/api/auth/change-password/route";
import * as forgotRoute from "@/app/api/auth/forgot-password/request/route";
import * as signupRoute from "@/app/api/auth/signup/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import * as healthRoute from "@/app/api/health/route";
import { mailQueue, securityEvents } from "@/lib/db/schema";
import { enqueueMail } from "@/lib/mail/queue";
import { sendDue } from "@/lib/mail/sender";
import { verifiedPatient } from "../helpers/accounts";
import { sleep } from "../helpers/arrange";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { db, userRow } from "../helpers/db";
import { call } from "../helpers/http";
import { mail, settle } from "../helpers/mail";
import { codeFrom } from "../helpers/smtp";

/**
 * docs/RULES.md "Email delivery": every message goes through the queue, written with the change that
 * causes it; answers never wait on SMTP; an outage loses nothing.
 */
afterEach(() => mail.setFailing(false));

const rowsTo = async (to: string) => (await db()).select().from(mailQueue).where(eq(mailQueue.to, to)).orderBy(mailQueue.id);

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe("mail queue: SMTP outage", () => {
  it("signup answers 201 while SMTP refuses; the code arrives without a resend once SMTP is back, and verifies", async () => {
    mail.setFailing(true);
    const email = uniqueEmail();
    const res = await call(signupRoute, "POST", { body: { name: "Outage Patient", email, password: GOOD_PASSWORD } });
    expect(res.status).toBe(201);

    // The sender tried, was refused, and keeps the message for a retry (nothing personal in the error).
    const row = await until("a refused attempt", async () => (await rowsTo(email)).find((r) => r.attempts >= 1 && r.status === "pending"));
    expect(row!.lastError).toMatch(/451/);
    expect(row!.lastError).not.toContain(email);
    expect(mail.to(email)).toHaveLength(0);
    const health = await call(healthRoute, "GET");
    expect(health.body.mail.pending).toBeGreaterThanOrEqual(1);

    mail.setFailing(false);
    const code = codeFrom(await mail.waitFor(email, 1, 20_000));
    expect((await call(verifyRoute, "POST", { body: { email, code } })).status).toBe(200);
    // The capture has the message a moment before the sender marks its row sent.
    await settle();
    expect((await rowsTo(email)).map((r) => r.status)).toEqual(["sent"]);
  });

  it("a password changed during the outage gets its notice afterwards", async () => {
    const p = await verifiedPatient();
    mail.setFailing(true);
    const res = await call(changePasswordRoute, "POST", {
      token: p.token,
      body: { currentPassword: p.password, newPassword: "Copper-Meadow-Violin-77", confirmPassword: "Copper-Meadow-Violin-77" },
    });
    expect(res.status).toBe(200);
    await until("a refused notice", async () => (await rowsTo(p.email)).some((r) => r.subject.includes("password was changed") && r.attempts >= 1));
    mail.setFailing(false);
    const notice = await mail.waitFor(p.email, 2, 20_000);
    expect(notice.subject).toMatch(/password was changed/i);
  });

  it("forgot-password answers the same 200 for known and unknown emails while SMTP is down", async () => {
    const p = await verifiedPatient();
    mail.setFailing(true);
    const known = await call(forgotRoute, "POST", { body: { email: p.email } });
    const unknown = await call(forgotRoute, "POST", { body: { email: uniqueEmail("ghost") } });
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(known.body).toEqual(unknown.body);
    mail.setFailing(false);
    expect(codeFrom(await mail.waitFor(p.email, 2, 20_000))).toMatch(/^\d{6}$/);
  });

  it("a code email whose code has expired is dropped, not delivered late, and the drop is audited", async () => {
    mail.setFailing(true);
    const email = uniqueEmail();
    expect((await call(signupRoute, "POST", { body: { name: "Late Patient", email, password: GOOD_PASSWORD } })).status).toBe(201);
    await until("a refused attempt", async () => (await rowsTo(email)).some((r) => r.attempts >= 1 && r.status === "pending"));
    await (await db()).update(mailQueue).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(mailQueue.to, email));
    const row = await until("the drop", async () => (await rowsTo(email)).find((r) => r.status === "dropped"));
    expect(row!.lastError).toBe("code expired");
    mail.setFailing(false); // SMTP is back, and still the dead code is not delivered
    const user = await userRow(email);
    const events = await (await db())
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.userId, user!.id), eq(securityEvents.type, "mail_dropped")));
    expect(events).toHaveLength(1);
    await settle();
    expect(mail.to(email)).toHaveLength(0);
  });
});

describe("mail queue: delivery", () => {
  it("senders running at once deliver every queued message exactly once", async () => {
    const d = await db();
    const to = Array.from({ length: 30 }, () => uniqueEmail("bulk"));
    await d.transaction(async (tx) => {
      for (const address of to) await enqueueMail(tx, { to: address, subject: "Bulk", text: "hello", html: "<p>hello</p>" });
    });
    await Promise.all(Array.from({ length: 5 }, () => sendDue()));
    for (const address of to) await mail.waitFor(address, 1, 20_000);
    await settle();
    for (const address of to) expect(mail.to(address)).toHaveLength(1);
    const statuses = await d.select({ status: mailQueue.status }).from(mailQueue).where(inArray(mailQueue.to, to));
    expect(statuses.every((s) => s.status === "sent")).toBe(true);
  });

  it("one sender round reuses its SMTP connections instead of opening one per message", async () => {
    const d = await db();
    const to = Array.from({ length: 12 }, () => uniqueEmail("pooled"));
    await settle();
    const before = mail.connections();
    await d.transaction(async (tx) => {
      for (const address of to) await enqueueMail(tx, { to: address, subject: "Pooled", text: "hello", html: "<p>hello</p>" });
    });
    for (const address of to) await mail.waitFor(address, 1, 20_000);
    // The pool holds at most two connections (lib/mail/transport.ts); one per message would be 12.
    expect(mail.connections() - before).toBeLessThanOrEqual(2);
  });

  it("a message is queued only if the change that causes it commits", async () => {
    const d = await db();
    const to = uniqueEmail("rolled-back");
    await expect(
      d.transaction(async (tx) => {
        await enqueueMail(tx, { to, subject: "Never", text: "never", html: "<p>never</p>" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await rowsTo(to)).toHaveLength(0);
  });

  it("health reports the backlog: nothing pending once mail has gone out", async () => {
    const p = await verifiedPatient();
    await mail.waitFor(p.email);
    await until("an empty backlog", async () => (await call(healthRoute, "GET")).body.mail.pending === 0);
    const res = await call(healthRoute, "GET");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", database: "ok", mail: { pending: 0, oldestPendingSeconds: 0 }, scanner: "off" });
  });
});
