import "server-only";
import { and, eq, gt, isNull, type SQLWrapper, sql } from "drizzle-orm";
import { config } from "@/lib/config";
import { type Db, getDb } from "@/lib/db/client";
import { preparedPerHandle } from "@/lib/db/prepared";
import { doctorProfiles, sessions, type User, users } from "@/lib/db/schema";
import { AppError, unauthenticated } from "@/lib/http/app-error";
import type { RequestOrigin } from "@/lib/http/actor";
import type { Credentials } from "@/lib/http/credentials";
import { mfaPolicy } from "@/lib/auth/mfa/policy";
import { doctorApprovalRefusal, sessionHolderWhere } from "@/lib/auth/policy";
import { signSessionToken, verifySessionToken } from "@/lib/auth/session/tokens";

/**
 * Server-side sessions (docs/RULES.md "Sessions"). The JWT only names a session; every call re-checks the row:
 * not ended, within the idle and absolute limits, and the account's tokenVersion and status.
 * getSession() returns null, requireSession()/requireAccess() throw (ARCHITECTURE convention 6).
 * They read the request's `Credentials` (lib/http/credentials.ts), never the request itself.
 */

export type Role = User["role"];
/** How a session last proved who uses it (docs/MFA.md "Recent proof"). */
export type ProofLevel = "password" | "password+factor";
export type SessionContext = {
  user: User;
  sessionId: string;
  via: "cookie" | "bearer";
  /** The session's proof while it is recent (REAUTH_MAX_AGE_SECONDS), else null. */
  recentProof: ProofLevel | null;
};

/** lastSeenAt is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_SECONDS = 60;

/**
 * `proof`: what the person proved to get this session; it counts as a recent proof for
 * REAUTH_MAX_AGE_SECONDS (docs/MFA.md "Recent proof").
 * `alongside`: other writes (not yet run) that belong to the same step, e.g. sign-in's audit event
 * and counter reset. They run as data-modifying CTEs of the session insert — one statement and
 * one commit instead of several, on the hottest write path — and stand or fall with it.
 */
export async function createSession(
  db: Db,
  user: Pick<User, "id" | "tokenVersion">,
  from: Pick<RequestOrigin, "ip" | "userAgent">,
  proof: ProofLevel,
  alongside: SQLWrapper[] = [],
) {
  const cfg = config();
  const ctes = alongside.map((q, i) => db.$with(`alongside_${i}`, {}).as(q.getSQL()));
  const [row] = await db
    .with(...ctes)
    .insert(sessions)
    .values({
      userId: user.id,
      ip: from.ip,
      userAgent: from.userAgent,
      reauthLevel: proof,
      expiresAt: sql`now() + make_interval(secs => ${cfg.SESSION_MAX_SECONDS})`,
    })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  const token = await signSessionToken({ sub: user.id, sid: row!.id, ver: user.tokenVersion }, row!.expiresAt);
  return { token, sessionId: row!.id, maxAgeSeconds: cfg.SESSION_MAX_SECONDS };
}

/** The session named by a token, re-checked against the database; null when it is not live. */
export async function sessionFromToken(token: string): Promise<Omit<SessionContext, "via"> | null> {
  const claims = await verifySessionToken(token);
  if (!claims) return null;
  const db = await getDb();
  const cfg = config();
  const [row] = await liveSessionCheck(db).execute({ ...claims, idle: cfg.SESSION_IDLE_SECONDS, reauthMax: cfg.REAUTH_MAX_AGE_SECONDS });
  if (!row) return null;
  if (row.touch) await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, claims.sid));
  return { user: row.user, sessionId: claims.sid, recentProof: row.recentProof };
}

/**
 * The check every authenticated request makes, built once per database handle: building the query
 * is a measurable share of a cheap request, and on PostgreSQL a named statement is also parsed and
 * planned once per connection. Same conditions as ever: live row, both timeouts, tokenVersion, status.
 */
const liveSessionCheck = preparedPerHandle(prepareLiveSessionCheck);

function prepareLiveSessionCheck(db: Db) {
  return db
    .select({
      user: users,
      touch: sql<boolean>`${sessions.lastSeenAt} < now() - make_interval(secs => ${TOUCH_EVERY_SECONDS})`,
      // Decided by the database clock, like every other time limit of a session.
      recentProof: sql<ProofLevel | null>`case when ${sessions.reauthAt} > now() - make_interval(secs => ${sql.placeholder("reauthMax")}) then ${sessions.reauthLevel} end`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sid")),
        eq(sessions.userId, sql.placeholder("sub")),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${sql.placeholder("idle")})`),
        eq(users.tokenVersion, sql.placeholder("ver")),
        sessionHolderWhere(),
      ),
    )
    .prepare("caregate_live_session");
}

/** The session of the token a request presents (the bearer header first, then the cookie). */
export async function getSession(credentials: Credentials): Promise<SessionContext | null> {
  if (!credentials.token) return null;
  const s = await sessionFromToken(credentials.token);
  return s && { ...s, via: credentials.via };
}

/** A cookie-borne session on a state change from another origin is refused (docs/RULES.md "Authentication"). */
function assertSameOrigin(credentials: Credentials, s: SessionContext): void {
  if (s.via === "cookie" && credentials.crossOrigin) throw new AppError("FORBIDDEN_ORIGIN");
}

export type RequireSessionOptions = {
  /**
   * The endpoint stays open to an account whose MFA set-up is overdue (docs/MFA.md "Policy"): the
   * set-up endpoints, sign-out and GET /api/users/me. Everything else answers 403 MFA_SETUP_REQUIRED —
   * decided here, the one place every protected API passes through.
   */
  duringMfaSetup?: boolean;
};

/** Who may call an endpoint: what a route's contract says (its `auth`, `roles`, `approvedDoctor`). */
export type Access = RequireSessionOptions & {
  roles?: readonly Role[];
  /** A doctor among the roles must be approved (403 DOCTOR_NOT_APPROVED while pending or rejected). */
  approvedDoctor?: boolean;
};

export async function requireSession(credentials: Credentials, options: RequireSessionOptions = {}): Promise<SessionContext> {
  const s = await getSession(credentials);
  if (!s) throw unauthenticated();
  assertSameOrigin(credentials, s);
  if (!options.duringMfaSetup && mfaPolicy(s.user).overdue) throw new AppError("MFA_SETUP_REQUIRED");
  return s;
}

/**
 * A contract's roles are checked here and nowhere else: the route wrapper (lib/openapi/route.ts)
 * calls this with the contract's access, in the order session → role → doctor approval. This is the
 * coarse gate; what an actor may do to a given record or account is the domain's policy.ts.
 */
export async function requireAccess(credentials: Credentials, access: Access): Promise<SessionContext> {
  const s = await requireSession(credentials, access);
  if (access.roles && !access.roles.includes(s.user.role)) throw new AppError("FORBIDDEN");
  if (access.approvedDoctor && s.user.role === "doctor") await assertDoctorApproved(s.user.id);
  return s;
}

/** For doctor-only APIs: 403 DOCTOR_NOT_APPROVED while the profile is pending or rejected. */
export async function requireApprovedDoctor(credentials: Credentials): Promise<SessionContext> {
  return requireAccess(credentials, { roles: ["doctor"], approvedDoctor: true });
}

/**
 * For endpoints that work with or without a session (sign-out): the live session or null; a
 * cookie-borne one from another origin is refused like any other state change.
 */
export async function optionalSession(credentials: Credentials): Promise<SessionContext | null> {
  const s = await getSession(credentials);
  if (s) assertSameOrigin(credentials, s);
  return s;
}

/** The approval half of requireApprovedDoctor, for APIs that doctors share with other roles (records). */
export async function assertDoctorApproved(userId: string): Promise<void> {
  const db = await getDb();
  const [profile] = await db
    .select({ approval: doctorProfiles.approval })
    .from(doctorProfiles)
    .where(eq(doctorProfiles.userId, userId));
  const refused = doctorApprovalRefusal(profile?.approval);
  if (refused) throw new AppError(refused);
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ endedAt: sql`now()` }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Revokes every session at once: the tokenVersion bump kills all tokens; rows are marked ended too. */
export async function endAllSessions(db: Db, userId: string): Promise<number> {
  const [u] = await db
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning({ tokenVersion: users.tokenVersion });
  await db.update(sessions).set({ endedAt: sql`now()` }).where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
  return u!.tokenVersion;
}
