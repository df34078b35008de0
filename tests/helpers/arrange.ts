import { and, eq, inArray, like, sql } from "drizzle-orm";
import { decodeJwt } from "jose";
import { mailQueue, sessions, throttles, users, verificationCodes } from "@/lib/db/schema";
import { db } from "./db";

/**
 * Arranging state directly in the database ("time travel"): moving timestamps into the past and
 * ending cooldowns, so time-based rules can be tested without waiting or mocking clocks.
 */

/** SQL for "n seconds before the database's now()". */
export const secondsAgo = (seconds: number) => sql`now() - make_interval(secs => ${seconds})`;

export async function userRow(email: string) {
  const [u] = await (await db()).select().from(users).where(eq(users.email, email));
  return u;
}

export async function sessionRow(id: string) {
  const [s] = await (await db()).select().from(sessions).where(eq(sessions.id, id));
  return s;
}

export async function signupCodeRow(userId: string) {
  const [c] = await (await db())
    .select()
    .from(verificationCodes)
    .where(and(eq(verificationCodes.userId, userId), eq(verificationCodes.purpose, "signup")));
  return c;
}

/** Ends the 60 s resend cooldown of an email (as if a minute had passed). Fails when there is none. */
export async function passCodeCooldown(email: string): Promise<void> {
  const gone = await (await db())
    .delete(throttles)
    .where(and(like(throttles.key, "%cooldown%"), like(throttles.key, `%:${email}`)))
    .returning({ key: throttles.key });
  if (gone.length === 0) throw new Error(`no resend cooldown row for ${email}`);
}

/** The session id (`sid` claim) a token names. */
export const sessionIdOf = (token: string) => decodeJwt(token).sid as string;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the mail queue has nothing left to send (the capture receives a message before the
 * sender marks it sent), then a moment more — so "no email was sent" assertions are meaningful and
 * "this email arrived" ones need no guessing. Gives up waiting after 10 s (e.g. while SMTP refuses).
 */
export async function settle(): Promise<void> {
  const deadline = Date.now() + 10_000;
  const busy = inArray(mailQueue.status, ["pending", "sending"]);
  while (Date.now() < deadline) {
    const [row] = await (await db()).select({ n: sql<number>`count(*)::int` }).from(mailQueue).where(and(busy, sql`${mailQueue.nextAttemptAt} <= now() + interval '1 second'`));
    if (Number(row!.n) === 0) break;
    await sleep(50);
  }
  await sleep(100);
}

/** A 6-digit code that is certainly not `code`. */
export const otherCode = (code: string, k = 1) => String((Number(code) + k) % 1_000_000).padStart(6, "0");
