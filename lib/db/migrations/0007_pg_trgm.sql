-- Trigram matching for the admin user search (docs/PERFORMANCE.md "Admin at scale"): `%text%` in email or name through GIN
-- indexes (0008). pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create
-- it without superuser; PGlite loads it from @electric-sql/pglite/contrib/pg_trgm (lib/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
