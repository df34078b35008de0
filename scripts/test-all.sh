#!/usr/bin/env bash
# `npm test`: every test, no skipping. Type check and lint, unit + integration on the embedded
# database (PGlite), the integration suite again on a PostgreSQL server, then the browser tests
# (which include two app instances on the PostgreSQL server).
#
# The layers run side by side, because one after another left a core idle most of the time (vitest
# gives a 2-core machine one test worker, and much of a test is waiting on SMTP, a server or a
# browser). The chain that decides the total is the production build followed by the browser tests,
# which run two files at a time: the build starts at once, and the browser tests and the type check
# as soon as it is done, beside the two integration passes. Each layer's output is kept and printed whole when it
# ends, under its heading, its wall and CPU time.
set -uo pipefail
cd "$(dirname "$0")/.."
# The whole script is one block, so bash has read all of it before running any: editing this file
# during a run cannot change the running one.
{
SECONDS=0
results=$(mktemp -d)
logs=$(mktemp -d)
status=0
declare -A pid

# start NAME COMMAND…: runs COMMAND in the background, its output in $logs/NAME.log.
start() {
  local name=$1
  shift
  (
    begin=$SECONDS
    "$@" >"$logs/$name.log" 2>&1
    rc=$?
    # CPU seconds of the step's processes (user + system): the second line of `times`, which must
    # run in this shell (in a pipe it would count a fresh subshell's children: none).
    times >"$logs/$name.times"
    cpu=$(awk 'END { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$logs/$name.times")
    echo "$rc $((SECONDS - begin)) $cpu" >"$logs/$name.end"
  ) &
  pid[$name]=$!
}
# finish NAME TITLE: waits for NAME, prints its output and how long it took.
finish() {
  wait "${pid[$1]}"
  local secs cpu
  read -r rc secs cpu <"$logs/$1.end"
  echo
  echo "=== $2 ($secs s, CPU $cpu s, done at $SECONDS s)"
  cat "$logs/$1.log"
  [ "$rc" -eq 0 ] || { echo "(exit code $rc)"; status=1; }
}

pg_url=$(bash scripts/test-postgres.sh) && [[ "$pg_url" =~ ^postgres://[^[:space:]]+$ ]] || {
  echo "No usable PostgreSQL URL for the integration and two-instance tests (got: '${pg_url:-}')."
  pg_url=""
  status=1
}

start build npx tsx scripts/e2e-build.ts
start eslint npx eslint . --max-warnings=0
# Two workers: the embedded database runs inside the test processes, so this pass has the most
# CPU work of the two integration passes, and two workers let it use whatever core the others leave.
start pglite env -u TEST_DATABASE_URL npx vitest run --project unit --project integration --maxWorkers=2 \
  --reporter=default --reporter=json --outputFile.json="$results/pglite.json"
if [ -n "$pg_url" ]; then
  start postgres env TEST_DATABASE_URL="$pg_url" npx vitest run --project integration \
    --reporter=default --reporter=json --outputFile.json="$results/postgres.json"
fi

finish build "production build for the browser tests"
# After the build: tsconfig includes the route types it generates in .next-e2e/types, which the
# build no longer checks itself (NEXT_SKIP_TYPECHECK); read half-written, they fail at random.
start tsc npx tsc --noEmit
if [ "$rc" -eq 0 ]; then
  start e2e env TEST_DATABASE_URL="$pg_url" npx vitest run --project e2e \
    --reporter=default --reporter=json --outputFile.json="$results/e2e.json"
else
  start e2e echo "Not run: the production build failed."
fi
finish tsc "type check"
finish eslint "lint"
finish pglite "unit + integration on PGlite"
[ -n "$pg_url" ] && finish postgres "integration on PostgreSQL"
finish e2e "browser (Playwright + Debian Chromium), and two instances on PostgreSQL"

echo
[ "$status" -eq 0 ] || echo "Some steps failed (see above)."
echo "npm test took $((SECONDS / 60)) min $((SECONDS % 60)) s"
node -e '
  const fs = require("fs"); let p = 0, f = 0;
  for (const name of ["pglite", "postgres", "e2e"]) {
    const file = `${process.argv[1]}/${name}.json`;
    if (!fs.existsSync(file)) { f += 1; console.log(`${name}: no results (the run did not finish)`); continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    p += r.numPassedTests; f += r.numFailedTests + (r.numTotalTests === 0 ? 1 : 0);
    console.log(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
  console.log(`\n${p} passed, ${f} failed`);
' "$results"
exit "$status"
}
