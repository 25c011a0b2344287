#!/usr/bin/env bash
# Rewrite package-lock.json after changing dependencies in package.json.
# npm 11.19 leaves other platforms' optional packages out of the lock and then refuses that lock
# in `npm ci`; npm 11.6.2, starting from no node_modules, writes a complete lock.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf node_modules package-lock.json
npx -y npm@11.6.2 install --ignore-scripts
rm -rf node_modules
npm ci
