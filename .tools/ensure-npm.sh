#!/usr/bin/env bash
# Installs the npm packages the browser tests inject (axe-core) into
# .tools/node_modules, from the lock file.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f node_modules/axe-core/axe.min.js ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then exit 0; fi
npm ci --no-audit --no-fund --silent
