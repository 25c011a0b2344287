#!/usr/bin/env bash
# Rewrite package-lock.json after changing dependencies in package.json, so `npm ci` takes it.
# npm 11.19 (what this machine has) refuses two things an ordinary `npm install` can leave:
# - versionless entries for other platforms' optional packages that now exist on the registry
#   ("Invalid Version"): they are dropped here, and npm records them properly with versions;
# - other platforms' optional packages the registry does not have at all (@lix-js/sdk's): npm ci
#   calls them "Missing ... from lock file" unless the lock keeps a versionless entry for each,
#   so those are put back.
set -euo pipefail
cd "$(dirname "$0")/.."
node -e '
const fs = require("fs");
const lock = JSON.parse(fs.readFileSync("package-lock.json"));
for (const [key, entry] of Object.entries(lock.packages))
	if (key && !entry.version && !entry.link) delete lock.packages[key];
fs.writeFileSync("package-lock.json", JSON.stringify(lock, null, "\t") + "\n");'
npm install --ignore-scripts
missing=$(npm ci --dry-run 2>&1 | sed -n 's/^npm error Missing: \(.*\)@ from lock file$/\1/p' || true)
if [ -n "$missing" ]; then
	MISSING="$missing" node -e '
const fs = require("fs");
const lock = JSON.parse(fs.readFileSync("package-lock.json"));
const missing = process.env.MISSING.split("\n");
// Put each back beside the package that asks for it, as npm itself writes them.
for (const [key, entry] of Object.entries(lock.packages))
	for (const name of Object.keys(entry.optionalDependencies ?? {}))
		if (missing.includes(name)) lock.packages[`${key}/node_modules/${name}`] = { dev: !!entry.dev, optional: true };
fs.writeFileSync("package-lock.json", JSON.stringify(lock, null, "\t") + "\n");'
fi
rm -rf node_modules
npm ci
