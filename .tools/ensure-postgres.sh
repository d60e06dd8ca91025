#!/usr/bin/env bash
# Installs Debian's PostgreSQL server (initdb and pg_virtualenv) when it is
# missing.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v pg_virtualenv >/dev/null; then
  exit 0
fi
exec "$(dirname "$0")/ensure-deb.sh" - postgresql postgresql-contrib
