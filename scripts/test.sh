#!/usr/bin/env bash
# Runs every test on a fresh machine that has the .NET 10 SDK and Node.js:
# installs the npm packages, starts Azurite on 127.0.0.1, builds, runs all test projects, lints the
# Bicep templates, stops Azurite (also on failure) and exits non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${CONFIGURATION:-Release}
work=$(mktemp -d)
azurite_pid=""

cleanup() {
  if [[ -n "$azurite_pid" ]] && kill -0 "$azurite_pid" 2>/dev/null; then
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
  local p=$1
  while ! port_free "$p"; do p=$((p + 1)); done
  echo "$p"
}

echo "==> npm packages"
if [[ ! -x node_modules/.bin/azurite ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "==> Azurite"
blob_port=$(pick_port "${AZURITE_BLOB_PORT:-10000}")
queue_port=$(pick_port "${AZURITE_QUEUE_PORT:-$((blob_port + 1))}")
table_port=$(pick_port "${AZURITE_TABLE_PORT:-$((queue_port + 1))}")
node_modules/.bin/azurite --silent --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --blobPort "$blob_port" \
  --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" \
  >"$work/azurite.log" 2>&1 &
azurite_pid=$!
for _ in $(seq 1 100); do
  if ! port_free "$blob_port" && ! port_free "$queue_port" && ! port_free "$table_port"; then break; fi
  if ! kill -0 "$azurite_pid" 2>/dev/null; then cat "$work/azurite.log"; echo "Azurite did not start" >&2; exit 1; fi
  sleep 0.2
done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export ROEZANGHL_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
echo "    blob $blob_port, queue $queue_port, table $table_port (pid $azurite_pid)"

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
