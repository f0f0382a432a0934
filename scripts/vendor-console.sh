#!/usr/bin/env bash
# Copies the console's browser libraries, at the versions package.json pins, from node_modules into the function
# app's embedded assets (src/RoezanGhl.Functions/Console/Assets/vendor), each with its licence. The copies are
# committed: the app builds without npm or a network, and a version change is one reviewed diff.
#   npm ci --no-audit --no-fund --loglevel=error && scripts/vendor-console.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/RoezanGhl.Functions/Console/Assets/vendor
mkdir -p "$out"
cp node_modules/htmx.org/dist/htmx.min.js "$out/htmx.min.js"
cp node_modules/htmx.org/LICENSE "$out/htmx.LICENSE.txt"
cp node_modules/sortablejs/Sortable.min.js "$out/Sortable.min.js"
cp node_modules/sortablejs/LICENSE "$out/Sortable.LICENSE.txt"
cp node_modules/uplot/dist/uPlot.iife.min.js "$out/uPlot.iife.min.js"
cp node_modules/uplot/dist/uPlot.min.css "$out/uPlot.min.css"
cp node_modules/uplot/LICENSE "$out/uPlot.LICENSE.txt"
for package in htmx.org sortablejs uplot; do
  printf '%s %s\n' "$package" "$(node -p "require('./node_modules/$package/package.json').version")"
done >"$out/VERSIONS.txt"
echo "vendored into $out:"; cat "$out/VERSIONS.txt"
