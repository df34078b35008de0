import "server-only";
import { and, desc, eq, gt, ilike, isNotNull, isNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { publicUser } from "@/lib/auth/users";
import { config } from "@/lib/config";
import { type Db, getDb } from "@/lib/db/client";
import { type DoctorProfile, doctorProfiles, securityEvents, sessions, type User, userSearchText, users } from "@/lib/db/schema";
import { isId, type UserListQuery } from "@/lib/validation/admin";

/** Reading users for administration: the searchable list and one user's details. */

/** `%`, `_` and `\` typed into the search box are matched literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function listConditions(query: UserListQuery): SQL | undefined {
  const pattern = query.q ? `%${likeEscape(query.q.normalize("NFC"))}%` : null;
  return and(
    pattern ? ilike(userSearchText(users.email, users.name), pattern) : undefined,
    query.role ? eq(users.role, query.role) : undefined,
    query.status ? eq(users.status, query.status) : undefined,
    // An approval state is a doctor's: a former doctor's kept profile does not make them one. A
    // per-row lookup rather than a join condition: the list then walks doctors newest first
    // (users_role_created_idx) and stops after the page, where a join read all 100,000 doctors
    // at scale to sort them (0.3–1 s; docs/PERFORMANCE.md "Admin at scale").
    // (OFFSET 0 keeps PostgreSQL from turning it back into a join.)
    query.approval
      ? and(
          eq(users.role, "doctor"),
          sql`exists (select 1 from ${doctorProfiles} where ${doctorProfiles.userId} = ${users.id} and ${doctorProfiles.approval} = ${query.approval} offset 0)`,
        )
      : undefined,
    query.verified === undefined ? undefined : query.verified ? isNotNull(users.emailVerifiedAt) : isNull(users.emailVerifiedAt),
  );
}

/**
 * Totals are counted exactly up to this many matches. Counting every match of a broad filter costs
 * what reading them all costs — 0.3–0.7 s for "all patients" among a million accounts — on every
 * page; above this the answer carries PostgreSQL's own estimate and says so (`totalExact: false`).
 * docs/PERFORMANCE.md "Admin at scale".
 */
export const EXACT_TOTAL_UP_TO = 1000;

/**
 * When PostgreSQL expects at least this many matches, even counting to 1,001 is skipped: for a
 * common first name among a million accounts that count alone rechecked 1,001 scattered rows
 * (≈ 40 ms) while the page itself took 3 ms. The answer is then the estimate, unless the page comes
 * back short, which makes it the last page and the total exact. An estimate of a `%text%` search
 * moves in steps of one sampled value (≈ 10,000 at a million accounts), and one step is weak
 * evidence: of 856 searches there, 8 that matched at most 1,000 were estimated at 10,000 or more,
 * none at 15,000 (docs/PERFORMANCE.md "Admin at scale").
 */
const SKIP_COUNT_FROM_ESTIMATE = 15_000;

type ListRow = { user: User | null; doctor: DoctorProfile | null };

/**
 * GET /api/users: newest accounts first, `page` counted from 1. The planner's estimate decides the
 * plan: a few matches are found once, counted and paged in one statement; many are paged in index
 * order, and their total is the estimate (docs/PERFORMANCE.md "Admin at scale").
 */
export async function listUsers(query: UserListQuery) {
  const db = await getDb();
  const where = listConditions(query);
  const offset = (query.page - 1) * query.limit;
  const answer = (rows: ListRow[], total: number, totalExact: boolean) => ({
    users: rows.flatMap((r) => (r.user ? [publicUser(r.user, r.doctor)] : [])),
    total,
    totalExact,
    page: query.page,
    limit: query.limit,
  });
  const estimate = await estimatedRows(db, db.select({ one: sql`1` }).from(users).where(where));
  if (estimate < SKIP_COUNT_FROM_ESTIMATE) {
    const few = await countedPage(db, where, query.limit, offset);
    if (few.n <= EXACT_TOTAL_UP_TO) return answer(few.rows, few.n, true);
  }
  const rows = await orderedPage(db, where, query.limit, offset);
  // A short page (or an empty first page) is the last one: where it ends is the total.
  if (rows.length < query.limit && (rows.length > 0 || offset === 0)) return answer(rows, offset + rows.length, true);
  return answer(rows, Math.max(EXACT_TOTAL_UP_TO + 1, estimate, offset + rows.length), false);
}

/**
 * Up to 1,001 matches found in one scan (a CTE read twice is materialised once), counted, and the
 * page cut from them: one index or trigram scan where a page and a separate count made two. The
 * page is only used when the count stayed within EXACT_TOTAL_UP_TO (then the set is every match).
 */
async function countedPage(db: Db, where: SQL | undefined, limit: number, offset: number) {
  const found = db.$with("found").as(
    db.select({ id: users.id, createdAt: users.createdAt }).from(users).where(where).limit(EXACT_TOTAL_UP_TO + 1),
  );
  const counted = db.$with("counted").as(db.select({ n: sql<number>`count(*)::int`.as("n") }).from(found));
  const page = db.$with("page").as(
    db.select({ id: found.id, createdAt: found.createdAt }).from(found).orderBy(desc(found.createdAt), desc(found.id)).limit(limit).offset(offset),
  );
  const rows = await db
    .with(found, counted, page)
    .select({ n: counted.n, user: users, doctor: doctorProfiles })
    .from(counted)
    .leftJoin(page, sql`true`)
    .leftJoin(users, eq(users.id, page.id))
    .leftJoin(doctorProfiles, eq(doctorProfiles.userId, users.id))
    .orderBy(desc(page.createdAt), desc(page.id));
  return { n: Number(rows[0]?.n ?? 0), rows };
}

/**
 * The page in index order: its ids first, then their rows, so skipping `offset` matches reads only
 * the index (users_created_idx and the like), not every skipped account's row.
 */
async function orderedPage(db: Db, where: SQL | undefined, limit: number, offset: number): Promise<ListRow[]> {
  const page = db
    .select({ id: users.id, createdAt: users.createdAt })
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(limit)
    .offset(offset)
    .as("page");
  return db
    .select({ user: users, doctor: doctorProfiles })
    .from(page)
    .innerJoin(users, eq(users.id, page.id))
    .leftJoin(doctorProfiles, eq(doctorProfiles.userId, users.id))
    .orderBy(desc(page.createdAt), desc(page.id));
}

/** The planner's row estimate for a query (EXPLAIN plans it without running it: about a millisecond). */
async function estimatedRows(db: Db, query: SQLWrapper): Promise<number> {
  const result = (await db.execute(sql`explain (format json) ${query}`)) as unknown as { rows: Record<string, unknown>[] };
  const plan = Object.values(result.rows[0] ?? {})[0];
  const parsed = (typeof plan === "string" ? JSON.parse(plan) : plan) as [{ Plan: { "Plan Rows": number } }];
  return Math.round(parsed[0].Plan["Plan Rows"]);
}

export type AdminUserDetail = NonNullable<Awaited<ReturnType<typeof getUserDetail>>>;

const decider = alias(users, "decider");

/**
 * GET /api/users/{id}: the public user plus what an admin needs to decide: last sign-in, live
 * sessions, and for doctors who decided their approval and when. Null for an unknown or malformed id.
 */
export async function getUserDetail(id: string) {
  if (!isId(id)) return null;
  const db = await getDb();
  const idle = config().SESSION_IDLE_SECONDS;
  const [row] = await db
    .select({
      user: users,
      doctor: doctorProfiles,
      decidedBy: { id: decider.id, name: decider.name, email: decider.email },
      // Session rows are purged after they end; the sign-in events are kept, so either may be the latest.
      lastSignInAt: sql<string | null>`greatest(
        (select max(${sessions.createdAt}) from ${sessions} where ${sessions.userId} = ${users.id}),
        (select max(${securityEvents.createdAt}) from ${securityEvents}
          where ${securityEvents.userId} = ${users.id} and ${securityEvents.type} = 'signin_ok'))`,
      activeSessions: sql<number>`(select count(*)::int from ${sessions} where ${and(
        eq(sessions.userId, users.id),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${idle})`),
      )})`,
    })
    .from(users)
    .leftJoin(doctorProfiles, eq(doctorProfiles.userId, users.id))
    .leftJoin(decider, eq(decider.id, doctorProfiles.decidedBy))
    .where(eq(users.id, id));
  if (!row) return null;
  const doctor = row.user.role === "doctor" && row.doctor;
  return {
    ...publicUser(row.user, row.doctor),
    updatedAt: row.user.updatedAt,
    lastSignInAt: row.lastSignInAt ? new Date(row.lastSignInAt).toISOString() : null,
    activeSessions: Number(row.activeSessions),
    ...(doctor
      ? {
          licenseVerified: doctor.licenseVerified,
          decidedAt: doctor.decidedAt,
          decidedBy: row.decidedBy?.id ? row.decidedBy : null,
          rejectionReason: doctor.rejectionReason,
        }
      : {}),
  };
}
