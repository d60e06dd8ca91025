#!/usr/bin/env bash
# ensure-nginx.sh: installs Debian's nginx-light for `make bench`, which runs
# its own nginx (one worker, its own config and port) as the static
# baseline. The package's own service is not started: a policy-rc.d that
# refuses every service start is in place while it installs.
set -euo pipefail
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "missing: run 'apt-get install nginx-light' as root" >&2
  exit 1
fi
policy=/usr/sbin/policy-rc.d
had_policy=0
if [ -e "$policy" ]; then had_policy=1; fi
if [ "$had_policy" = 0 ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi
echo "installing nginx-light (Debian package)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq nginx-light >/dev/null
