import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "@/lib/auth/secrets";

/**
 * TOTP secrets at rest (docs/MFA.md "TOTP"): AES-256-GCM under a key derived from AUTH_SECRET,
 * with the account id as associated data so a ciphertext copied onto another account's row does
 * not decrypt. Format: `v1.<iv>.<tag>.<ciphertext>` (base64url), so a later key or algorithm change
 * can tell old rows apart.
 */
export function sealSecret(plain: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("mfa-secret"), iv);
  cipher.setAAD(Buffer.from(userId));
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ct].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function openSecret(sealed: string, userId: string): string {
  const [version, iv, tag, ct] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !ct) throw new Error("unknown TOTP secret format");
  const decipher = createDecipheriv("aes-256-gcm", derivedKey("mfa-secret"), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}
