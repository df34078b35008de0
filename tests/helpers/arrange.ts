import { and, like, sql } from "drizzle-orm";
import { throttles } from "@/lib/db/schema";
import { db } from "./db";

/**
 * Arranging state directly in the database ("time travel"): moving timestamps into the past and
 * ending cooldowns, so time-based rules can be tested without waiting or mocking clocks. `sleep`
 * is for the rare test that must really wait (polling a background job).
 */

/** SQL for "n seconds before the database's now()", e.g. `.set({ createdAt: secondsAgo(601) })`. */
export const secondsAgo = (seconds: number) => sql`now() - make_interval(secs => ${seconds})`;

/** Ends the 60 s resend cooldown of an email (as if a minute had passed). Fails when there is none. */
export async function passCodeCooldown(email: string): Promise<void> {
  const gone = await (await db())
    .delete(throttles)
    .where(and(like(throttles.key, "%cooldown%"), like(throttles.key, `%:${email}`)))
    .returning({ key: throttles.key });
  if (gone.length === 0) throw new Error(`no resend cooldown row for ${email}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
