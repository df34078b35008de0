import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey } from "@/lib/auth/secrets";

/**
 * The one-click unsubscribe token (docs/NOTIFICATIONS.md "Unsubscribe"): `<account id>.<category>.<HMAC>`,
 * the HMAC keyed with a key derived from AUTH_SECRET. It names exactly one account and one optional
 * category, so changing either breaks the signature. It does not expire: a link in an old email
 * should still switch that email off, and all it can ever do is that.
 */
export const CATEGORIES = ["recordViewed", "grantExpiring"] as const;
export type Category = (typeof CATEGORIES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const signature = (userId: string, category: Category) =>
  createHmac("sha256", derivedKey("unsubscribe")).update(`${userId}.${category}`).digest("base64url");

export function unsubscribeToken(userId: string, category: Category): string {
  return `${userId}.${category}.${signature(userId, category)}`;
}

/** The account and category a token names, or null when it is malformed or its signature is wrong. */
export function readUnsubscribeToken(token: string): { userId: string; category: Category } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, category, sig] = parts as [string, string, string];
  if (!UUID.test(userId) || !(CATEGORIES as readonly string[]).includes(category)) return null;
  const expected = Buffer.from(signature(userId, category as Category));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, category: category as Category };
}
