import { randomInt, randomUUID } from "node:crypto";

/**
 * Values tests make up: addresses and licence numbers no other test uses (files share one
 * PostgreSQL database, and the browser tests share one server), and the passwords accounts get.
 * No app imports, so the browser tests can use it too.
 */

/** A strong password every helper-made account has. */
export const GOOD_PASSWORD = "Quiet-Harbour-Lantern-42";

/** The strong password tests change or reset to. */
export const NEW_PASSWORD = "Copper-Meadow-Violin-77";

export const uniqueEmail = (tag = "user") => `${tag}-${randomUUID().slice(0, 12)}@example.test`;

/** A licence number no other test uses (already in normalised form: upper-case, no spaces). */
export const uniqueLicense = () => `MD${randomInt(10 ** 9, 10 ** 10)}`;
