#!/usr/bin/env bash
# Installs Debian's PostgreSQL server when it is missing. Needs root for
# apt-get; without root it can only say what is missing.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v pg_virtualenv >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "PostgreSQL is not installed; run 'apt-get install postgresql postgresql-contrib' as root" >&2
  exit 1
fi
echo "installing PostgreSQL (Debian packages)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql postgresql-contrib >/dev/null
