import "server-only";
import { createHmac } from "node:crypto";
import { config } from "@/lib/config";

/**
 * docs/RULES.md "Configuration" (AUTH_SECRET): the HS256 key is AUTH_SECRET's UTF-8 bytes; other keys are derived from it per purpose.
 * Imported once as a CryptoKey: given raw bytes, jose re-imports the key on every sign and verify,
 * which showed up as 3–4 % of an authenticated request (docs/PERFORMANCE.md "Sign-in").
 */
let jwtKeyCache: { secret: string; key: Promise<CryptoKey> } | undefined;
export function jwtKey(): Promise<CryptoKey> {
  const secret = config().AUTH_SECRET;
  if (jwtKeyCache?.secret !== secret) {
    const raw = new TextEncoder().encode(secret);
    const key = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    jwtKeyCache = { secret, key };
  }
  return jwtKeyCache.key;
}

const derived = new Map<string, Buffer>();
/**
 * `otp-hmac`: emailed codes; `mfa-secret`: the AES-256-GCM key of TOTP secrets at rest;
 * `mfa-recovery`: the HMAC key of recovery codes; `unsubscribe`: the HMAC key of one-click
 * unsubscribe links (lib/notifications/unsubscribe.ts); `audit-email`: the keyed hash that replaces a
 * deleted account's address in the audit trail.
 */
export type DerivedKeyLabel = "otp-hmac" | "mfa-secret" | "mfa-recovery" | "unsubscribe" | "audit-email";
export function derivedKey(label: DerivedKeyLabel): Buffer {
  let key = derived.get(label);
  if (!key) {
    key = createHmac("sha256", config().AUTH_SECRET).update(`caregate:${label}`).digest();
    derived.set(label, key);
  }
  return key;
}
