import { z } from "zod";
import { msg } from "./messages";
import { AUDIT_EVENT_TYPES } from "./audit-events";
import { codePoints, NameSchema, optional, trimmedText } from "./fields";

/**
 * Administration inputs (docs/RULES.md "API: administration"): the users list and audit filters (query
 * strings) and the admin's changes to a user (JSON). Shared by the routes, the admin pages and their
 * forms, so browser-safe: no DB and no server module.
 */

export const ROLES = ["patient", "doctor", "admin", "superadmin"] as const;
export const STATUSES = ["active", "suspended"] as const;
export const APPROVALS = ["pending", "approved", "rejected"] as const;
/** What an admin may set: pending is where a doctor starts, not a decision. */
export const DECISIONS = ["approved", "rejected"] as const;
export const ADMIN_ROLES = ["admin", "superadmin"] as const;

export type Role = (typeof ROLES)[number];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = (role: string): role is AdminRole => (ADMIN_ROLES as readonly string[]).includes(role);

export { AUDIT_EVENT_TYPES };

/** An empty query parameter (an untouched filter of a GET form) means "no filter". */
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const filter = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const wholeNumber = (min: number, max: number, error: string) =>
  z
    .string({ error })
    .regex(/^[0-9]{1,7}$/, { error })
    .transform(Number)
    .pipe(z.number().int().min(min, { error }).max(max, { error }));

/** Ids are UUIDs; a malformed one is a filter error in a query, and a 404 in a path. */
export const IdSchema = z.guid({ error: msg("admin.userId") });
export const isId = (s: string) => IdSchema.safeParse(s).success;

// trimmedText: control characters and lone surrogates are refused (docs/RULES.md "Request bodies").
export const SearchSchema = trimmedText(msg("admin.search")).max(100, { error: msg("length.max100") });

export const UserListQuerySchema = z.object({
  q: filter(SearchSchema),
  role: filter(z.enum(ROLES, { error: msg("admin.role") })),
  status: filter(z.enum(STATUSES, { error: msg("admin.status") })),
  approval: filter(z.enum(APPROVALS, { error: msg("admin.approval") })),
  verified: filter(z.enum(["true", "false"], { error: msg("admin.trueFalse") }).transform((v) => v === "true")),
  page: z.preprocess(blank, wholeNumber(1, 100_000, msg("admin.page")).default(1)),
  limit: z.preprocess(blank, wholeNumber(1, 100, msg("admin.limit")).default(20)),
});
export type UserListQuery = z.output<typeof UserListQuerySchema>;

/** One line of text (docs/RULES.md "Request bodies": no control characters, so no line breaks). */
export const ReasonSchema = trimmedText(msg("admin.reason"))
  .refine((s) => codePoints(s) >= 1, { error: msg("admin.reason") })
  .refine((s) => codePoints(s) <= 500, { error: msg("length.max500") });

/** PATCH /api/users/{id}. Unknown keys (email, password, tokenVersion…) are dropped, never applied. */
export const UpdateUserSchema = z
  .object({
    name: NameSchema.optional(),
    role: z.enum(ROLES, { error: msg("admin.role") }).optional(),
    status: z.enum(STATUSES, { error: msg("admin.status") }).optional(),
    approval: z.enum(DECISIONS, { error: msg("admin.decision") }).optional(),
    reason: optional(ReasonSchema),
  })
  .strip()
  .superRefine((v, ctx) => {
    if (v.name === undefined && v.role === undefined && v.status === undefined && v.approval === undefined) {
      ctx.addIssue({ code: "custom", path: ["body"], message: msg("admin.nothingToChange") });
    }
    if (v.approval === "rejected" && !v.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: msg("admin.rejectReason") });
    }
  });
export type UpdateUserInput = z.input<typeof UpdateUserSchema>;
export type UserChanges = z.output<typeof UpdateUserSchema>;

/** `YYYY-MM-DD` (a whole UTC day) or an ISO date-time with an offset. */
const DateBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: msg("admin.dateBound"),
});

/** The opaque keyset cursor of the audit list: base64url, decoded and checked by lib/audit. */
const CursorSchema = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, { error: msg("admin.cursor") });

export const AuditQuerySchema = z
  .object({
    userId: filter(IdSchema),
    actorId: filter(IdSchema),
    event: filter(z.enum(AUDIT_EVENT_TYPES, { error: msg("admin.event") })),
    from: filter(DateBound),
    to: filter(DateBound),
    cursor: filter(CursorSchema),
    limit: z.preprocess(blank, wholeNumber(1, 100, msg("admin.limit")).default(50)),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && startOf(v.from) >= endOf(v.to)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: msg("admin.endAfterStart") });
    }
  });
export type AuditQuery = z.output<typeof AuditQuerySchema>;

const DAY_MS = 86_400_000;
const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
/** The first instant a `from` bound includes (a date means the start of that UTC day). */
export const startOf = (s: string) => new Date(isDateOnly(s) ? `${s}T00:00:00Z` : s).getTime();
/** The first instant a `to` bound excludes: the end of a date, or just after a date-time. */
export const endOf = (s: string) => (isDateOnly(s) ? startOf(s) + DAY_MS : new Date(s).getTime() + 1);

/**
 * A page's searchParams as the schemas take them: the first value of a repeated parameter, as the API
 * reads it (lib/http/query.ts), for the keys of the schema's shape — the one list of a query's keys.
 */
export function firstValues(params: Record<string, string | string[] | undefined>, schema: z.ZodObject): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(schema.shape).map((k) => [k, [params[k]].flat()[0]]));
}
