#!/usr/bin/env bash
# Runs every test on a fresh machine that has the .NET 10 SDK and Node.js:
# installs the npm packages, starts Azurite on 127.0.0.1, builds, runs all test projects, lints the
# Bicep templates, stops Azurite (also on failure) and exits non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${CONFIGURATION:-Release}
work=$(mktemp -d)
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh

cleanup() {
  azurite_stop
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "==> npm packages"
azurite_install

echo "==> Azurite"
azurite_start "$work"

echo "==> build ($configuration)"
dotnet build RoezanGhl.Functions.sln -c "$configuration" -nologo -v quiet -p:WarningsNotAsErrors=NU1603

if [[ -x scripts/bicep-check.sh ]]; then
  echo "==> bicep build + lint"
  scripts/bicep-check.sh
fi

echo "==> tests"
status=0
dotnet test RoezanGhl.Functions.sln -c "$configuration" --no-build -nologo \
  --logger "console;verbosity=normal" --results-directory "$work/results" 2>&1 | tee "$work/test.log" || status=$?

passed=$( (grep -Eo 'Passed: +[0-9]+' "$work/test.log" || true) | awk '{s+=$2} END {print s+0}')
failed=$( (grep -Eo 'Failed: +[0-9]+' "$work/test.log" || true) | awk '{s+=$2} END {print s+0}')
skipped=$( (grep -Eo 'Skipped: +[0-9]+' "$work/test.log" || true) | awk '{s+=$2} END {print s+0}')
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [[ $status -ne 0 || $failed -ne 0 || $passed -eq 0 ]]; then
  echo "FAILED (dotnet test exit $status)" >&2
  exit 1
fi
