#!/usr/bin/env bash
# ensure-deb.sh COMMAND PACKAGE…: installs Debian packages when COMMAND is
# not on the PATH (COMMAND "-" installs them unconditionally). Needs root
# for apt-get; without root it can only say what is missing.
set -euo pipefail
cmd=$1
shift
if [ "$cmd" != - ] && command -v "$cmd" >/dev/null; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "missing: run 'apt-get install $*' as root" >&2
  exit 1
fi
echo "installing $* (Debian packages)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "$@" >/dev/null
