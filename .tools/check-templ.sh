#!/usr/bin/env bash
# Fails when a committed *_templ.go file is not what `templ generate` makes
# of its .templ source, so stale generated code never reaches CI green.
# It generates into a copy of web/ and compares, leaving the tree untouched.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r web go.mod go.sum "$tmp/"
find "$tmp/web" -name '*_templ.go' -delete
# From the top, as `go tool templ generate` runs: the generated code names
# its source by the path from there (web/views/x.templ).
(cd "$tmp" && go tool templ generate >/dev/null 2>&1)
stale=0
while IFS= read -r f; do
  gen="${f%.templ}_templ.go"
  if [ ! -f "$gen" ] || ! cmp -s "$tmp/$gen" "$gen"; then
    echo "stale generated file: $gen (run 'make generate' and commit it)" >&2
    stale=1
  fi
done < <(find web -name '*.templ' | sort)
exit $stale
