#!/usr/bin/env bash
# Runs every test on a fresh machine that has the .NET 10 SDK and Node.js, in two lanes:
#   unit         tests not marked [IntegrationLane]: no Azurite, no simulator, no server on a socket, no child
#                process. Run with ROEZANGHL_TEST_LANE=unit, under which those resources throw, so a test that
#                needs one and is not marked fails here with a message saying it belongs to the integration lane.
#   integration  tests marked [IntegrationLane] (trait Lane=Integration), against Azurite on 127.0.0.1 and the
#                in-process simulators; then the Bicep templates are built and linted.
# Usage: scripts/test.sh            build, unit lane, Azurite + integration lane; non-zero when anything failed
#        scripts/test.sh --unit     build and the unit lane only (installs and starts nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-Release}
solution=RoezanGhl.Functions.sln
lanes=all
case "${1:-}" in
  "") ;;
  --unit) lanes=unit ;;
  *) echo "usage: scripts/test.sh [--unit]" >&2; exit 2 ;;
esac
work=$(mktemp -d)
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh

cleanup() {
  azurite_stop
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

started=$(date +%s)
failures=0
summary=()

# The solution's test projects' assemblies (IsTestProject) as the build left them. Running the assemblies
# (in parallel) spares dotnet test an MSBuild pass over the whole solution, most of the unit lane's time.
test_assemblies() {
  local project name dll
  dotnet sln "$solution" list | grep '\.csproj$' | while read -r project; do
    grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
    name=$(basename "$project" .csproj)
    for dll in "$(dirname "$project")/bin/$configuration"/*/"$name.dll"; do
      [[ -f $dll ]] && echo "$dll"
    done
  done
}

# run_lane NAME FILTER [ENV...]: runs the tests matching FILTER, adds a line to the summary, counts a failure.
run_lane() {
  local name=$1 filter=$2 log="$work/$1.log" status=0 lane_start passed failed skipped seconds
  shift 2
  echo "==> $name lane"
  lane_start=$(date +%s)
  env "$@" dotnet test "${assemblies[@]}" --Parallel --filter "$filter" \
    --logger "console;verbosity=normal" --results-directory "$work/$name-results" 2>&1 | tee "$log" || status=$?
  seconds=$(($(date +%s) - lane_start))
  # The run's summary: "Total tests: 888", "     Passed: 888", "     Failed: 1", "    Skipped: 1".
  passed=$( (grep -Eo '^ +Passed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
  failed=$( (grep -Eo '^ +Failed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
  skipped=$( (grep -Eo '^ +Skipped: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
  summary+=("$name: $passed passed, $failed failed, $skipped skipped in ${seconds}s")
  # The failed tests by name, repeated in the summary: CI keeps only the end of the output.
  while read -r test; do summary+=("  failed in $name: $test"); done < <(grep -Eo '^ +Failed [^ ]+' "$log" | awk '{print $2}' | sort -u || true)
  if [[ $status -ne 0 || $failed -ne 0 || $passed -eq 0 ]]; then
    echo "FAILED: $name lane (dotnet test exit $status)" >&2
    failures=$((failures + 1))
  fi
}

echo "==> build ($configuration)"
dotnet build "$solution" -c "$configuration" -nologo -v quiet -p:WarningsNotAsErrors=NU1603
mapfile -t assemblies < <(test_assemblies)
if [[ ${#assemblies[@]} -eq 0 ]]; then
  echo "no test assemblies found after the build" >&2
  exit 1
fi

# Every *.Tests project under tests/ is run: one missing from the solution, without IsTestProject or not built
# would otherwise be skipped without anyone noticing.
missing=()
while read -r project; do
  name=$(basename "$project" .csproj)
  [[ " ${assemblies[*]} " == *"/$name.dll "* ]] || missing+=("$project")
done < <(find tests -name '*.Tests.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
if [[ ${#missing[@]} -ne 0 ]]; then
  echo "test projects that would not run (add each to $solution with <IsTestProject>true</IsTestProject>):" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "==> ${#assemblies[@]} test assemblies"

# The unit lane sees neither Azurite's connection string nor a running Azurite.
run_lane unit "Lane!=Integration" -u ROEZANGHL_TEST_STORAGE ROEZANGHL_TEST_LANE=unit

if [[ $lanes == all ]]; then
  echo "==> npm packages"
  azurite_install
  echo "==> Chromium (the console's browser test)"
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    apt-get install -y -qq chromium chromium-driver >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; echo "could not install chromium" >&2; exit 1; }
  fi
  echo "==> Azurite"
  azurite_start "$work"
  # Screenshots, page weights and the new-user figures of the console's browser test land here (kept after the run).
  export ROEZANGHL_CONSOLE_SCREENSHOTS="${ROEZANGHL_CONSOLE_SCREENSHOTS:-$(mktemp -d -t roezanghl-console-screens.XXXXXX)}"
  echo "console screenshots: $ROEZANGHL_CONSOLE_SCREENSHOTS"
  run_lane integration "Lane=Integration" -u ROEZANGHL_TEST_LANE

  if [[ -x scripts/bicep-check.sh ]]; then
    echo "==> bicep build + lint"
    scripts/bicep-check.sh || failures=$((failures + 1))
  fi
fi

echo
printf '%s\n' "${summary[@]}"
echo "total: $(($(date +%s) - started))s"
if [[ $failures -ne 0 ]]; then
  echo "FAILED" >&2
  exit 1
fi
