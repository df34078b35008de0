import "server-only";
import { hash, verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/http/app-error";
import { containsEmailLocalPart, LOCAL_PART_MESSAGE } from "@/lib/validation/fields";
import { msg } from "@/lib/validation/messages";

/**
 * Argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1), computed on libuv's thread pool by
 * @node-rs/argon2 so it never blocks the event loop. bcrypt hashes from older systems still verify
 * (bcryptjs) and are replaced on the next successful sign-in.
 */
const ARGON2ID = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2ID);

export const isLegacyHash = (stored: string) => /^\$2[aby]\$/.test(stored);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    if (isLegacyHash(stored)) return await bcrypt.compare(password, stored);
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash never signs anybody in
  }
}

let dummy: Promise<string> | undefined;
/** Unknown emails cost one real verification too, so timing does not reveal who has an account. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword("caregate-dummy-password-for-timing");
  await verifyPassword(await dummy, password);
}

/**
 * 49,233 common passwords from @zxcvbn-ts/language-common (MIT; the same list the strength meter
 * uses), compared case-insensitively. Loaded once per process.
 */
let common: Set<string> | undefined;
export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

/** The server-side half of the policy in docs/RULES.md "Passwords" (length is checked by the shared schema). */
export function assertPasswordPolicy(password: string, email: string, field = "password"): void {
  if (isCommonPassword(password)) {
    throw new AppError("WEAK_PASSWORD", {
      fields: { [field]: msg("password.common") },
    });
  }
  if (containsEmailLocalPart(password, email)) {
    throw new AppError("WEAK_PASSWORD", { fields: { [field]: LOCAL_PART_MESSAGE } });
  }
}
