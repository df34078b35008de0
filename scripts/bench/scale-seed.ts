import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

/**
 * The data of `npm run bench -- --scale`, written with set-based SQL (generate_series),
 * never through the API: a million accounts through signup would take days of argon2id. Every
 * account shares one real argon2id hash of BENCH_PASSWORD, so any seeded patient can sign in.
 *
 * Ids are md5('cg-scale-' || n)::uuid, so an event or a session can name its user by number without
 * a join, and the benchmark knows which accounts exist. Distributions:
 * - accounts: every 10th a doctor (approved 80 %, pending 15 %, rejected 5 %), every 50th suspended,
 *   1 % unverified (the recent ones: older unverified accounts are purged by the retention job);
 *   created 30 s apart, so a million span about a year; names are a first name from 48 and a
 *   surname from 1,728 (three syllables), so a surname matches ≈ 580 accounts and a first name ≈ 21,000.
 * - sessions: live (seen within the idle timeout) except 1 % idle for two hours, which the retention job
 *   deletes; the steady state of a job that runs every five minutes.
 * - audit events: 3 s apart (ten million span ≈ 347 days), about ten per account, mostly sign-ins.
 */
export type Sizes = { users: number; events: number; sessions: number };

export const FIRST_NAMES = [
  "Amira", "Ben", "Chloe", "Daniel", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Karin", "Liam",
  "Maria", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wei", "Yara",
  "Zoe", "Aisha", "Bruno", "Carmen", "Dmitri", "Emma", "Felix", "Gita", "Hana", "Ivan", "Julia", "Kofi",
  "Lena", "Mateo", "Nadia", "Omar", "Priya", "Rafael", "Sofia", "Tomas", "Ulla", "Viktor", "Wanda", "Yusuf",
];
const S1 = ["Kar", "Bel", "Mor", "Tan", "Vel", "Dra", "Sil", "Hol", "Fen", "Gar", "Lun", "Pra"];
const S2 = ["o", "a", "e", "i", "u", "ar", "en", "is", "om", "el", "an", "ur"];
const S3 = ["sson", "vic", "berg", "ley", "mann", "ides", "ova", "ton", "ardi", "quist", "more", "ez"];

/** The surname of account n, the same formula as the SQL below (for choosing search terms). */
export function surnameOf(n: number): string {
  const k = Number((BigInt(n) * 2654435761n) % 1728n);
  return S1[k % 12]! + S2[Math.floor(k / 12) % 12]! + S3[Math.floor(k / 144) % 12]!;
}

/** Account n is a verified, active patient (so it can sign in and gets a session). */
export function isSignInPatient(n: number, total: number): boolean {
  return n % 10 !== 0 && n % 50 !== 3 && !isUnverified(n, total);
}
const isUnverified = (n: number, total: number) => (n % 100 === 7 && n > total - 20_000) || n % 100_000 === 7;

export const ADMIN_EMAIL = "admin@scale.example";
/**
 * Addresses shaped like real ones: first.surname + the account number, at one of a few common
 * providers. (Until 29 November every address was `user<n>@scale.example`: all million shared the
 * trigrams of "user" and of the domain, which made every email search read million-entry posting
 * lists — a worst case no real user table has. docs/PERFORMANCE.md "Admin at scale".)
 */
const DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "gmx.de", "hotmail.com", "web.de"];
export const emailOf = (n: number) =>
  `${FIRST_NAMES[n % FIRST_NAMES.length]!.toLowerCase()}.${surnameOf(n).toLowerCase()}${n}@${DOMAINS[n % DOMAINS.length]}`;
/** What an admin types to find account n by address: its start, up to two digits of the number. */
export function emailPrefixOf(n: number): string {
  const email = emailOf(n);
  return email.slice(0, email.search(/\d/) + 2);
}

const sqlArray = (items: string[]) => `array[${items.map((s) => `'${s}'`).join(",")}]`;

/** CREATE DATABASE on the server of `adminUrl`; returns the new database's URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function migrateDatabase(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrate(drizzle(pool), { migrationsFolder: path.join(process.cwd(), "lib/db/migrations") });
  } finally {
    await pool.end();
  }
}

const SEEDED = ["users", "doctor_profiles", "sessions", "security_events"];

/**
 * Loads the tables with their secondary indexes and foreign keys dropped, then builds those again
 * (sorted bulk builds, two at a time on two connections): much faster than maintaining five
 * indexes and a per-row foreign-key check for ten million inserts. Definitions come from the
 * catalog, so whatever the migrations made is exactly what comes back. Returns timings in s.
 */
export async function seed(url: string, sizes: Sizes, passwordHash: string, log: (m: string) => void) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const timings: Record<string, number> = {};
  const timed = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await fn();
    timings[label] = (performance.now() - t) / 1000;
    log(`  ${label}: ${timings[label]!.toFixed(1)} s`);
    return r;
  };
  const q = (text: string, values?: unknown[]) => pool.query(text, values);
  try {
    const { rows: fks } = await q(
      `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def from pg_constraint
        where contype = 'f' and conrelid::regclass::text = any($1)`,
      [SEEDED],
    );
    const { rows: indexes } = await q(
      `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
        where i.indrelid::regclass::text = any($1)
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
      [SEEDED],
    );
    for (const fk of fks) await q(`alter table ${fk.tbl} drop constraint ${fk.conname}`);
    for (const ix of indexes) await q(`drop index ${ix.name}`);

    const N = sizes.users;
    const nameSql = `(${sqlArray(FIRST_NAMES)})[1 + n % ${FIRST_NAMES.length}] || ' ' ||
      (${sqlArray(S1)})[1 + k % 12] || (${sqlArray(S2)})[1 + (k / 12) % 12] || (${sqlArray(S3)})[1 + (k / 144) % 12]`;
    const emailSql = `lower((${sqlArray(FIRST_NAMES)})[1 + n % ${FIRST_NAMES.length}] || '.' ||
      (${sqlArray(S1)})[1 + k % 12] || (${sqlArray(S2)})[1 + (k / 12) % 12] || (${sqlArray(S3)})[1 + (k / 144) % 12]) ||
      n || '@' || (${sqlArray(DOMAINS)})[1 + n % ${DOMAINS.length}]`;
    const usersDone = timed(`${N.toLocaleString("en")} accounts + doctor profiles`, async () => {
      await q(
        `insert into users (id, email, name, password_hash, role, email_verified_at, status, created_at, updated_at)
         select md5('cg-scale-' || n)::uuid, ${emailSql}, ${nameSql}, $1,
           case when n % 10 = 0 then 'doctor' else 'patient' end,
           case when (n % 100 = 7 and n > $2 - 20000) or n % 100000 = 7 then null else created end,
           case when n % 50 = 3 then 'suspended' else 'active' end,
           created, created
         from generate_series(1, $2::int) n,
           lateral (select now() - ($2 - n) * interval '30 seconds' as created, ((n::bigint * 2654435761) % 1728)::int as k) x`,
        [passwordHash, N],
      );
      // The benchmark's administrator: role given today, so the MFA grace period is running.
      await q(
        `insert into users (id, email, name, password_hash, role, email_verified_at)
         values (md5('cg-scale-admin')::uuid, $1, 'Scale Admin', $2, 'superadmin', now())`,
        [ADMIN_EMAIL, passwordHash],
      );
      await q(
        `insert into doctor_profiles (user_id, specialty, license_number, license_verified, approval, decided_by, decided_at, rejection_reason)
         select id, (array['cardiology','dermatology','oncology','paediatrics','radiology','neurology'])[1 + (n / 10) % 6],
           'LIC-' || n, email_verified_at is not null, a, case when a <> 'pending' then md5('cg-scale-admin')::uuid end,
           case when a <> 'pending' then created_at + interval '1 day' end,
           case when a = 'rejected' then 'The licence number could not be confirmed.' end
         from (select u.id, u.email_verified_at, u.created_at, n,
                 case when (n / 10) % 20 < 16 then 'approved' when (n / 10) % 20 < 19 then 'pending' else 'rejected' end as a
               from generate_series(10, $1::int, 10) n join users u on u.id = md5('cg-scale-' || n)::uuid) d`,
        [N],
      );
    });
    const sessionsDone = usersDone.then(() =>
      timed(`${sizes.sessions.toLocaleString("en")} sessions`, () =>
        q(
          `insert into sessions (user_id, created_at, last_seen_at, expires_at, ip, user_agent)
           select md5('cg-scale-' || (1 + (s::bigint * 7) % $2))::uuid, seen - interval '1 hour', seen,
             seen - interval '1 hour' + interval '12 hours', '10.1.' || (s % 250) || '.' || (s / 250 % 250),
             'Mozilla/5.0 (X11; Linux x86_64) CareGate-scale'
           from generate_series(1, $1::int) s,
             lateral (select now() - case when s % 100 = 5 then interval '2 hours' else (s % 1500) * interval '1 second' end as seen) x`,
          [sizes.sessions, N],
        ),
      ),
    );
    // Events in chunks on whichever connection is free, so both cores load while the accounts go in.
    const E = sizes.events;
    const chunk = 1_000_000;
    const eventsDone = timed(`${E.toLocaleString("en")} audit events`, async () => {
      const starts = Array.from({ length: Math.ceil(E / chunk) }, (_, i) => 1 + i * chunk);
      const worker = async () => {
        for (let from = starts.shift(); from !== undefined; from = starts.shift()) {
          await q(
            `insert into security_events (id, user_id, actor_id, type, ip, user_agent, detail, created_at)
             select i, md5('cg-scale-' || (1 + (i * 7919) % $3))::uuid,
               case when i % 200 = 0 then md5('cg-scale-admin')::uuid end,
               (array['signin_ok','signin_ok','signin_ok','signin_ok','signin_ok','signout','signin_failed',
                      'profile_updated','code_sent','code_verified','record_accessed','password_changed'])[1 + i % 12],
               '10.' || (i % 250) || '.' || (i / 250 % 250) || '.' || (i / 62500 % 250),
               'Mozilla/5.0 (X11; Linux x86_64) CareGate-scale',
               case when i % 12 = 6 then '{"reason":"wrong_password"}'::jsonb end,
               now() - ($4 - i) * interval '3 seconds'
             from generate_series($1::bigint, least($2::bigint, $1::bigint + ${chunk - 1})) i`,
            [from, E, N, E],
          );
        }
      };
      await Promise.all([worker(), sessionsDone.then(worker)]);
      await q(`select setval(pg_get_serial_sequence('security_events', 'id'), greatest($1::bigint, 1))`, [E]);
    });
    await Promise.all([sessionsDone, eventsDone]);

    await timed(`rebuild ${indexes.length} indexes and ${fks.length} foreign keys`, async () => {
      const pending = [...indexes.map((i) => i.def as string), ...fks.map((f) => `alter table ${f.tbl} add constraint ${f.conname} ${f.def}`)];
      const worker = async () => {
        const c = await pool.connect();
        try {
          await c.query("set maintenance_work_mem = '256MB'");
          for (let ddl = pending.shift(); ddl; ddl = pending.shift()) await c.query(ddl);
        } finally {
          c.release();
        }
      };
      await Promise.all([worker(), worker()]);
    });
    // Visibility map and statistics: what autovacuum would have done on a real, older database.
    await timed("vacuum analyze", () => Promise.all([q("vacuum (analyze) security_events"), q("vacuum (analyze) users, doctor_profiles, sessions")]));
    return timings;
  } finally {
    await pool.end();
  }
}
