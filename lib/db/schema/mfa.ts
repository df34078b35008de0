import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";

/**
 * One authenticator app per account. `secretEnc` is the base32 secret under AES-256-GCM with a key
 * derived from AUTH_SECRET (lib/auth/mfa/crypto.ts). A row with `confirmedAt` null is a set-up that
 * has not been confirmed with a first code yet. `lastStep` is the last accepted RFC 6238 time step:
 * a code of that step or an earlier one is refused, so no code works twice.
 */
export const mfaTotp = pgTable("mfa_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEnc: text("secret_enc").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  lastStep: bigint("last_step", { mode: "number" }),
  createdAt: createdAt(),
});

/** Ten one-time recovery codes per account, stored as HMAC-SHA-256; `usedAt` set when spent. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("mfa_recovery_user_code_uq").on(t.userId, t.codeHash)],
);

/**
 * The half-finished sign-in between the password and the second factor: the `mfaToken` (stored as
 * SHA-256) is bound to one account, lives a few minutes and is consumed by the sign-in it completes.
 * `webauthnChallenge` is set when the second factor is a passkey.
 */
export const mfaChallenges = pgTable(
  "mfa_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    // The account's tokenVersion when the password was proven: a password change, a reset or "sign
    // out everywhere" bumps it, and the half-finished sign-in dies with the sessions.
    tokenVersion: integer("token_version").notNull().default(0),
    webauthnChallenge: text("webauthn_challenge"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("mfa_challenges_user_idx").on(t.userId)],
);

/** WebAuthn credentials (passkeys). `credentialId` and `publicKey` are base64url. */
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    credentialId: text("credential_id").notNull().unique(),
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: jsonb("transports").$type<string[]>(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("passkeys_user_idx").on(t.userId)],
);

/** Registration and passwordless sign-in ceremonies: one challenge each, single use, a few minutes. */
export const webauthnChallenges = pgTable("webauthn_challenges", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
  purpose: text("purpose", { enum: ["register", "signin", "reauth"] }).notNull(),
  challenge: text("challenge").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});
