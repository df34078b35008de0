#!/usr/bin/env bash
# Prints a TEST_DATABASE_URL for the PostgreSQL server the integration suite runs against.
# Uses $TEST_DATABASE_URL when set; otherwise starts Debian's local cluster (a session's
# processes do not survive it) and makes a throwaway role and database on it.
set -euo pipefail
if [ -n "${TEST_DATABASE_URL:-}" ]; then echo "$TEST_DATABASE_URL"; exit 0; fi
fail() { echo "PostgreSQL is needed for the tests: $1. Install it with: apt-get install -y postgresql (or set TEST_DATABASE_URL)" >&2; exit 1; }
command -v pg_lsclusters >/dev/null 2>&1 || fail "no Debian PostgreSQL found"
[ "$(id -u)" -eq 0 ] || fail "starting the local cluster needs root"
read -r ver name _ < <(pg_lsclusters -h | head -1) || fail "no cluster (pg_createcluster 15 main)"
# Its messages ("Cluster is already running.") would end up in the URL this script prints.
pg_ctlcluster "$ver" "$name" start >/dev/null 2>&1 || true
cd / # the postgres user may not be allowed into the checkout (e.g. a mode-700 temp clone)
port=$(pg_lsclusters -h | awk -v v="$ver" -v n="$name" '$1==v && $2==n {print $3}')
for _ in $(seq 1 30); do runuser -u postgres -- pg_isready -q -p "$port" && break; sleep 0.5; done
runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'caregate_test') THEN
    CREATE ROLE caregate_test LOGIN CREATEDB PASSWORD 'caregate_test';
  END IF;
  ALTER ROLE caregate_test CREATEDB;
END \$\$;
SQL
runuser -u postgres -- psql -q -p "$port" -tc "SELECT 1 FROM pg_database WHERE datname='caregate_test'" | grep -q 1 \
  || runuser -u postgres -- createdb -p "$port" -O caregate_test caregate_test
runuser -u postgres -- pg_isready -q -p "$port" || fail "the local cluster did not start (see /var/log/postgresql)"
echo "postgres://caregate_test:caregate_test@127.0.0.1:${port}/caregate_test"
