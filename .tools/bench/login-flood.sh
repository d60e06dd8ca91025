#!/usr/bin/env bash
# The login flood of `make bench` (issue 20): 100 connections post wrong
# logins for made-up accounts from made-up addresses for BENCH_LOGIN_DURATION
# (10 s) while one connection reads a course page, on loopback against
# `katalog serve` with the demo catalogue. It reports the server's peak
# memory (VmHWM, goal <= 200 MB), how the logins were answered (checked 422,
# busy 503, throttled 429) and the course page's latency meanwhile. Like
# .tools/bench.sh it expects a Postgres reachable through the PG* variables
# (the Makefile runs it inside pg_virtualenv) and exits non-zero only when
# something fails outright (an answer other than those, or a page error).
set -euo pipefail
cd "$(dirname "$0")/../.."

dur=${BENCH_LOGIN_DURATION:-10s}
GO=${GO:-go}
unset DATABASE_URL
export PGSSLMODE=disable
bin=.data/bench
mkdir -p "$bin"
work=$(mktemp -d "${TMPDIR:-/tmp}/katalog-login.XXXXXX")
srv_pid=
cleanup() {
  [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
say() { printf 'bench login: %s\n' "$*" >&2; }
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<"$2" | head -n1; }

say "building katalog"
"$GO" build -o "$bin/katalog" ./cmd/katalog
db=bench_login_$$
psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null
export PGDATABASE=$db
"$bin/katalog" migrate up 2>>"$work/serve.log"
"$bin/katalog" demo 2>>"$work/serve.log" >/dev/null
printf '%s\n' 'en lang nok adgangskode til bench' | "$bin/katalog" user add -email admin@cok.dk -role admin >/dev/null

port=$((20000 + RANDOM % 20000))
while [ -n "$(ss -Hltn "sport = :$port")" ]; do port=$((20000 + RANDOM % 20000)); done
base=http://127.0.0.1:$port
ADDR=127.0.0.1:$port LOG_LEVEL=error TRUSTED_PROXIES=127.0.0.1/32 "$bin/katalog" serve -migrate=false 2>>"$work/serve.log" &
srv_pid=$!
until curl -fs -o /dev/null "$base/readyz"; do
  kill -0 "$srv_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.01
done
curl -fs -o /dev/null "$base/kurser/politisk-forstaaelse"
idle_mb=$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$srv_pid/status")

say "100 connections post wrong logins for $dur; one reads a course page"
wrk -t2 -c100 -d"$dur" --timeout 10s --latency "$base/admin/login" -s .tools/bench/login.lua >"$work/login.out" 2>&1 &
flood=$!
wrk -t1 -c1 -d"$dur" --timeout 10s --latency "$base/kurser/politisk-forstaaelse" -s .tools/bench/report.lua >"$work/page.out" 2>&1
wait "$flood"
hwm_mb=$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$srv_pid/status")
logins=$(grep -E '^(RESULT|LOGINS) ' "$work/login.out" | tr '\n' ' ')
page=$(grep -E '^RESULT ' "$work/page.out")

fail=0
echo
echo "login flood: 100 connections, wrong logins from made-up addresses, $dur on loopback; $(nproc) cores"
printf 'logins:  %s/s, p50 %s ms, p99 %s ms; checked (422) %s, busy (503) %s, throttled (429) %s, other %s\n' \
  "$(field rps "$logins")" "$(field p50 "$logins")" "$(field p99 "$logins")" \
  "$(field checked "$logins")" "$(field busy "$logins")" "$(field throttled "$logins")" "$(field other "$logins")"
printf 'page:    course page meanwhile %s/s, p50 %s ms, p99 %s ms, errors %s\n' \
  "$(field rps "$page")" "$(field p50 "$page")" "$(field p99 "$page")" "$(field errors "$page")"
ok=$(awk -v m="$hwm_mb" 'BEGIN { print (m <= 200 ? "ok" : "MISS") }')
echo "memory:  idle $idle_mb MB, peak (VmHWM) $hwm_mb MB [$ok, goal <= 200]"
if [ "$(field other "$logins")" != 0 ] || [ "$(field errors "$logins")" != 0 ] || [ "$(field errors "$page")" != 0 ] || [ "$(field bad_status "$page")" != 0 ]; then
  echo "PROBLEM: answers other than 422/503/429, or failed requests"
  fail=1
fi
kill "$srv_pid"
wait "$srv_pid" 2>/dev/null || true
srv_pid=
psql -X -q -d postgres -c "DROP DATABASE $db WITH (FORCE)" >/dev/null
exit "$fail"
