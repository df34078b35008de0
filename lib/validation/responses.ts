import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locale";
import { GENDERS } from "./fields";

/**
 * The success bodies of the API, as the API documents them (GET /api/openapi.json) and as the
 * integration tests check every response they receive. Objects are strict on purpose: a field the
 * server starts sending without documenting it (a password hash, tokenVersion…) fails a test
 * instead of leaking quietly. Schemas with an `id` become named schemas in the document.
 */

export const ROLES = ["patient", "doctor", "admin", "superadmin"] as const;
export const ACCOUNT_STATUSES = ["active", "suspended"] as const;
export const APPROVALS = ["pending", "approved", "rejected"] as const;

/** Timestamps leave the server as JSON-serialised Dates: ISO 8601 in UTC. */
const Timestamp = z.iso.datetime();

export const PublicUserSchema = z
  .strictObject({
    id: z.uuid(),
    email: z.string().meta({ format: "email" }),
    name: z.string(),
    phone: z.string().nullable(),
    dob: z.iso.date().nullable(),
    gender: z.enum(GENDERS).nullable(),
    role: z.enum(ROLES),
    status: z.enum(ACCOUNT_STATUSES),
    emailVerifiedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    deletionScheduledFor: Timestamp.nullable().meta({
      description: "When a deletion the owner asked for will be carried out (`POST /api/account/deletion`); null when none is scheduled.",
    }),
    locale: z.enum(LOCALES).meta({
      description: "The language of the account's pages, emails and API error messages: `en` or `ar` (from its sign-up; PATCH /api/users/me changes it).",
    }),
    specialty: z.string().optional().meta({ description: "Doctors only." }),
    licenseNumber: z.string().optional().meta({ description: "Doctors only." }),
    approval: z.enum(APPROVALS).optional().meta({ description: "Doctors only." }),
    rejectionReason: z
      .string()
      .nullable()
      .optional()
      .meta({ description: "Rejected doctors only: why an administrator did not approve the account." }),
  })
  .meta({
    id: "User",
    description: "An account as it leaves the server: never a password hash, tokenVersion, code or token.",
  });

/** The session JWT, also set as the caregate_session cookie; send it as `Authorization: Bearer <token>`. */
const Token = z.jwt().meta({ description: "Session JWT for `Authorization: Bearer <token>` (the same value as the session cookie)." });

export const SuccessSchema = z.strictObject({ success: z.literal(true) }).meta({ id: "Success" });
export const MessageSchema = z.strictObject({ message: z.string() }).meta({ id: "Message" });
export const UserResponseSchema = z.strictObject({ user: PublicUserSchema }).meta({ id: "UserResponse" });

export const SignupResponseSchema = z.strictObject({
  success: z.literal(true),
  email: z.string().meta({ format: "email", description: "As stored: trimmed, NFC, lower-cased." }),
  signupId: z.uuid().meta({ description: "Send it to POST /api/auth/verify-otp so that this sign-up's details apply." }),
});
export const SignedInSchema = z.strictObject({ user: PublicUserSchema, token: Token });
export const VerifiedSchema = z.strictObject({ success: z.literal(true), user: PublicUserSchema, token: Token });
export const PasswordChangedSchema = z.strictObject({ message: z.string(), user: PublicUserSchema, token: Token });

export const SessionSchema = z
  .strictObject({
    id: z.uuid(),
    createdAt: Timestamp,
    lastSeenAt: Timestamp,
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    device: z.string().meta({ description: "A readable name of the browser and system, e.g. \"Chrome on Windows\"." }),
    current: z.boolean().meta({ description: "True for the session that made this request." }),
  })
  .meta({ id: "Session" });
export const SessionListSchema = z.strictObject({ sessions: z.array(SessionSchema) });

export const HealthSchema = z.strictObject({
  status: z.literal("ok"),
  database: z.literal("ok"),
  mail: z.strictObject({
    pending: z.int().min(0).meta({ description: "Messages waiting to be sent (or being sent)." }),
    oldestPendingSeconds: z.int().min(0).meta({ description: "Age of the oldest of them; growing means SMTP is refusing." }),
  }),
  scanner: z.enum(["ok", "off"]).meta({ description: "The virus scanner (CLAMD_URL) answered; `off` when none is configured." }),
});
export const HealthDownSchema = z.strictObject({
  status: z.literal("error"),
  database: z.enum(["ok", "unreachable"]),
  scanner: z.enum(["ok", "off", "unreachable"]),
});

/** GET /api/openapi.json: only the frame is fixed here; the validator in the tests checks the rest. */
export const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string().startsWith("3.1"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
