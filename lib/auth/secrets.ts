import "server-only";
import { createHmac } from "node:crypto";
import { config } from "@/lib/config";

/** SPEC §6: the HS256 key is AUTH_SECRET's UTF-8 bytes; other keys are derived from it per purpose. */
export function jwtKey(): Uint8Array {
  return new TextEncoder().encode(config().AUTH_SECRET);
}

const derived = new Map<string, Buffer>();
export function derivedKey(label: "otp-hmac"): Buffer {
  let key = derived.get(label);
  if (!key) {
    key = createHmac("sha256", config().AUTH_SECRET).update(`caregate:${label}`).digest();
    derived.set(label, key);
  }
  return key;
}
