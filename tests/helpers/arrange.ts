import { and, eq, like, sql } from "drizzle-orm";
import { decodeJwt } from "jose";
import { sessions, throttles, users, verificationCodes } from "@/lib/db/schema";
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
 * Mail is handed to SMTP before the API answers, so an email that was sent has arrived by then;
 * this short pause only guards the "no email was sent" assertions against a slow capture.
 */
export const settle = () => sleep(250);

/** A 6-digit code that is certainly not `code`. */
export const otherCode = (code: string, k = 1) => String((Number(code) + k) % 1_000_000).padStart(6, "0");
