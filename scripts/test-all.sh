#!/usr/bin/env bash
# `npm test`: every test, no skipping. Type check and lint, unit + integration on the embedded
# database (PGlite), the integration suite again on a PostgreSQL server, then the browser tests.
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
status=0
step() { echo; echo "=== $1"; }

step "type check"; npx tsc --noEmit || status=1
step "lint"; npx eslint . --max-warnings=0 || status=1

step "unit + integration on PGlite"
env -u TEST_DATABASE_URL npx vitest run --project unit --project integration \
  --reporter=default --reporter=json --outputFile.json="$results/pglite.json" || status=1

step "integration on PostgreSQL"
if pg_url=$(bash scripts/test-postgres.sh) && [[ "$pg_url" =~ ^postgres://[^[:space:]]+$ ]]; then
  TEST_DATABASE_URL="$pg_url" npx vitest run --project integration \
    --reporter=default --reporter=json --outputFile.json="$results/postgres.json" || status=1
else
  echo "No usable PostgreSQL URL for the integration tests (got: '${pg_url:-}')."
  status=1
fi

step "browser (Playwright + Debian Chromium), and two instances on PostgreSQL"
TEST_DATABASE_URL="${pg_url:-}" npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json="$results/e2e.json" || status=1

node -e '
  const fs = require("fs"); let p = 0, f = 0;
  for (const file of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + file, "utf8"));
    p += r.numPassedTests; f += r.numFailedTests + (r.numTotalTests === 0 ? 1 : 0);
    console.log(`${file.replace(".json", "")}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
  console.log(`\n${p} passed, ${f} failed`);
' "$results"
[ "$status" -eq 0 ] || echo "Some steps failed (see above)."
exit "$status"
