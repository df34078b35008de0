#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine: Node packages, Debian's Chromium
# (for the browser tests; Playwright must never download its own) and Debian's PostgreSQL server
# (the integration suite runs on PGlite and on a real server). Needs root or sudo for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing Debian packages: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
npm install --no-audit --no-fund
