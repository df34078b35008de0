#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine: Node packages, Debian's Chromium
# (for the browser tests; Playwright must never download its own), Debian's PostgreSQL server
# (the integration suite runs on PGlite and on a real server), ClamAV's daemon (the scanning tests
# start a real clamd) and poppler-utils (pdftoppm makes PDF previews). Needs root or sudo for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/clamd ] && [ -x /usr/bin/sigtool ] || need+=(clamav-daemon)
[ -x /usr/bin/pdftoppm ] || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing Debian packages: ${need[*]}"
  # Another install may hold apt's lock for a minute or two: wait and retry rather than fail.
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    if $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null; then
      break
    fi
    [ "$attempt" -eq 10 ] && { echo "apt-get failed 10 times; install ${need[*]} by hand" >&2; exit 1; }
    echo "apt-get is busy or failed (attempt $attempt); retrying in 20 s"
    sleep 20
  done
fi
npm install --no-audit --no-fund
