import "server-only";
import { type AnyColumn, and, desc, eq, gte, lt, lte, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db, getDb } from "@/lib/db/client";
import { preparedPerHandle } from "@/lib/db/prepared";
import { securityEvents, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import type { z } from "zod";
import type { AuditQuery } from "@/lib/validation/admin";
import type { AuditEventSchema, AuditListSchema } from "@/lib/validation/admin-responses";
import { msg } from "@/lib/validation/messages";

/**
 * Reading the audit trail (GET /api/audit, /admin/audit): newest first, keyset-paged on
 * (created_at, id) so page 1,000 costs what page 1 does. Each filter combination has an index that
 * serves it in order (security_events_created_idx, _type_idx, _user_idx, _actor_idx in schema.ts).
 */

export type AuditEvent = z.output<typeof AuditEventSchema>;
export type AuditList = z.output<typeof AuditListSchema>;

const subject = alias(users, "subject");
const actor = alias(users, "actor");

/** A person joined to the event, or null once the account is gone (the left join finds no row). */
const person = (who: { email: AnyColumn; name: AnyColumn }) =>
  sql`case when ${who.email} is not null then json_build_object('email', ${who.email}, 'name', ${who.name}) end`;

/**
 * Each event comes back as the JSON the API answers with, built by PostgreSQL: a page of 50 events
 * with two joined people is otherwise 600 values parsed, mapped and serialised again in Node, which
 * was most of the page's cost on the server (docs/PERFORMANCE.md "Authenticated reads"). `createdAt`
 * is written as JavaScript's toISOString does (UTC, milliseconds, "Z").
 */
function eventsQuery(db: Db) {
  const e = securityEvents;
  return db
    .select({
      id: e.id,
      // Exact to the microsecond (a JS Date keeps milliseconds), so the cursor never skips a row.
      position: sql<string>`${e.createdAt}::text`,
      json: sql<string>`json_build_object(
        'id', ${e.id}, 'type', ${e.type},
        'createdAt', to_char(${e.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'userId', ${e.userId}, 'actorId', ${e.actorId}, 'ip', ${e.ip}, 'userAgent', ${e.userAgent},
        'detail', ${e.detail}, 'user', ${person(subject)}, 'actor', ${person(actor)})::text`,
    })
    .from(e)
    .leftJoin(subject, eq(subject.id, e.userId))
    .leftJoin(actor, eq(actor.id, e.actorId))
    .$dynamic();
}

const NEWEST_FIRST = [desc(securityEvents.createdAt), desc(securityEvents.id)];

/**
 * The first page without filters — what /admin/audit opens with — prepared once per database handle,
 * so neither the query builder nor the planner runs for it per request.
 */
const newestEvents = preparedPerHandle(prepareNewestEvents);
function prepareNewestEvents(db: Db) {
  return eventsQuery(db).orderBy(...NEWEST_FIRST).limit(sql.placeholder("limit")).prepare("caregate_audit_newest");
}

/** A page of the trail as the JSON text of `{ events, nextCursor }` (AuditListSchema): the API sends it as it is. */
export async function auditPageJson(query: AuditQuery): Promise<string> {
  const db = await getDb();
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const conditions: (SQL | undefined)[] = [
    query.userId ? eq(securityEvents.userId, query.userId) : undefined,
    query.actorId ? eq(securityEvents.actorId, query.actorId) : undefined,
    query.event ? eq(securityEvents.type, query.event) : undefined,
    query.from ? gte(securityEvents.createdAt, bound(query.from, "start")) : undefined,
    query.to ? (isDateOnly(query.to) ? lt : lte)(securityEvents.createdAt, bound(query.to, "end")) : undefined,
    after ? sql`(${securityEvents.createdAt}, ${securityEvents.id}) < (${after.at}::timestamptz, ${after.id})` : undefined,
  ];
  const filtered = conditions.some(Boolean);
  const rows = filtered
    ? await eventsQuery(db).where(and(...conditions)).orderBy(...NEWEST_FIRST).limit(query.limit + 1)
    : await newestEvents(db).execute({ limit: query.limit + 1 });

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor(last.position, last.id) : null;
  return `{"events":[${page.map((r) => r.json).join(",")}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}

/** The same page as values, for the pages that render it. */
export async function listSecurityEvents(query: AuditQuery): Promise<AuditList> {
  return JSON.parse(await auditPageJson(query)) as AuditList;
}

const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** A date is a whole UTC day (whatever the server's time zone); a date-time carries its own offset. */
function bound(value: string, side: "start" | "end"): SQL {
  if (!isDateOnly(value)) return sql`${value}::timestamptz`;
  const day = side === "start" ? sql`${value}::date` : sql`(${value}::date + 1)`;
  return sql`(${day}::timestamp at time zone 'UTC')`;
}

function encodeCursor(position: string, id: number): string {
  return Buffer.from(JSON.stringify([position, id])).toString("base64url");
}

const POSITION = /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:[0-5]\d){0,2}$/;

/** A real calendar day (Date.parse would roll 30 February over into March; PostgreSQL refuses it). */
function isRealPosition(at: string): boolean {
  const m = POSITION.exec(at);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1970 && day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/** A cursor we did not make (or one edited by hand) is a 400 on `cursor`, never a database error. */
function decodeCursor(cursor: string): { at: string; id: number } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as [unknown, unknown];
      if (typeof at === "string" && isRealPosition(at) && Number.isSafeInteger(id) && (id as number) > 0) {
        return { at, id: id as number };
      }
    }
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION_FAILED", { fields: { cursor: msg("admin.cursor") } });
}
