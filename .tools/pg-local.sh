#!/usr/bin/env bash
# Starts (creating on first use) the local development Postgres cluster under
# .data/pg and prints the DATABASE_URL that reaches it. Used by `make run`.
# initdb refuses to run as root, so as root the cluster belongs to the
# unprivileged "postgres" user that Debian's package creates.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
data="$top/.data/pg"
port="${PGLOCAL_PORT:-54329}"
log="$top/.data/pg.log"

"$top/.tools/ensure-postgres.sh" >&2

bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir -p "$top/.data"
if [ "$(id -u)" = 0 ]; then chown postgres "$top/.data"; chmod 755 "$top/.data"; fi

if [ ! -f "$data/PG_VERSION" ]; then
  echo "creating local Postgres cluster in $data" >&2
  as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$top/.data'
fsync = on
max_connections = 200
CONF
fi

if ! as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w start >/dev/null
fi

if ! psql -h 127.0.0.1 -p "$port" -U postgres -Atqc "select 1 from pg_database where datname='katalog'" postgres | grep -q 1; then
  psql -h 127.0.0.1 -p "$port" -U postgres -qc "create database katalog" postgres
fi
echo "postgres://postgres@127.0.0.1:$port/katalog?sslmode=disable"
