#!/usr/bin/env bash
# Installs the npm packages the browser tests use (axe-core, injected into
# pages; lighthouse, run on the public pages) into .tools/node_modules,
# from the lock file.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f node_modules/axe-core/axe.min.js ] && [ -x node_modules/.bin/lighthouse ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then exit 0; fi
npm ci --no-audit --no-fund --silent
