import { z } from "zod";
import { AUDIT_EVENT_TYPES } from "./admin";
import { PublicUserSchema } from "./responses";

/**
 * The success bodies of the administration API (GET/PATCH/DELETE /api/users…, GET /api/audit), kept
 * apart from responses.ts so each area's schemas live in their own file. Strict objects, like
 * responses.ts: a field the server starts sending without documenting it fails a test.
 */

const Timestamp = z.iso.datetime();

/** Who someone is, shown beside an id (the admin who decided, the subject and actor of an event). */
const PersonSchema = z.strictObject({ email: z.string().meta({ format: "email" }), name: z.string() });

export const UserListSchema = z.strictObject({
  users: z.array(PublicUserSchema).meta({ description: "Newest accounts first." }),
  total: z.int().min(0).meta({ description: "Accounts matching the filters, on every page: exact up to 1,000 and on the last page, otherwise PostgreSQL's estimate (see totalExact)." }),
  totalExact: z.boolean().meta({ description: "False when `total` is an estimate: more than 1,000 matches (counting them all would cost as much as reading them), or 15,000 or more expected and this is not the last page." }),
  page: z.int().min(1),
  limit: z.int().min(1).max(100),
});

/** GET, PATCH /api/users/{id}: the public user plus what an admin needs to decide on the account. */
export const AdminUserSchema = PublicUserSchema.extend({
  updatedAt: Timestamp,
  lastSignInAt: Timestamp.nullable().meta({ description: "The latest sign-in, if any." }),
  activeSessions: z.int().min(0).meta({ description: "Sessions that are neither ended, expired nor idle." }),
  licenseVerified: z.boolean().optional().meta({ description: "Doctors only: the licence claim belongs to a verified account." }),
  decidedAt: Timestamp.nullable().optional().meta({ description: "Doctors only: when the approval was last decided." }),
  decidedBy: z
    .strictObject({ id: z.uuid(), ...PersonSchema.shape })
    .nullable()
    .optional()
    .meta({ description: "Doctors only: the administrator who decided (null when undecided or since deleted)." }),
  rejectionReason: z.string().nullable().optional().meta({ description: "Doctors only: why the account was rejected (null otherwise)." }),
}).meta({ id: "AdminUser", description: "An account as administrators see it: never a password hash, tokenVersion, code or token." });

export const AdminUserResponseSchema = z.strictObject({ user: AdminUserSchema });

export const AuditEventSchema = z
  .strictObject({
    id: z.int().min(1),
    type: z.enum(AUDIT_EVENT_TYPES),
    createdAt: Timestamp,
    userId: z.uuid().nullable().meta({ description: "The account the event is about (null once it is deleted)." }),
    actorId: z.uuid().nullable().meta({ description: "Who acted, when that was someone else (an admin, a doctor)." }),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable().meta({ description: "Event-specific facts; never a password, code, token or hash of one." }),
    user: PersonSchema.nullable().meta({ description: "The subject's current email and name (null once deleted)." }),
    actor: PersonSchema.nullable(),
  })
  .meta({ id: "AuditEvent" });

export const AuditListSchema = z.strictObject({
  events: z.array(AuditEventSchema).meta({ description: "Newest first." }),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
});
