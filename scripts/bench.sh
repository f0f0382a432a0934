#!/usr/bin/env bash
# Measures where we stand against GHL's limit and against the peers' way, on this machine, and writes
# bench/results.json and bench/results.md: installs the npm packages, builds the benchmarks and the load harness
# (Release), runs BenchmarkDotNet's IngestBenchmark.Ingest (ours' ingest cost per event), starts its own
# Azurite on free 127.0.0.1 ports, runs the load harness (ours and the n8n-style baseline through every
# profile against the in-process GHL simulator with GHL's real limits; about ten minutes on two cores),
# and stops Azurite (also on failure). Arguments go to the harness, e.g. --smoke, or --burst-seconds 10
# (see: dotnet run -c Release --project bench/RoezanGhl.LoadHarness -- --help); BENCH_RESULTS names the
# output files without extension (default bench/results), so a trial run need not replace the committed ones.
# The other benchmarks (planning, GHL request serialization) run on their own:
#   dotnet run -c Release --project bench/RoezanGhl.Benchmarks -- --filter '*'
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
results=${BENCH_RESULTS:-bench/results}
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh

cleanup() {
  azurite_stop
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "==> npm packages"
azurite_install

echo "==> build (Release)"
dotnet build bench/RoezanGhl.Benchmarks -c Release -nologo -v quiet
dotnet build bench/RoezanGhl.LoadHarness -c Release -nologo -v quiet

echo "==> BenchmarkDotNet: IngestBenchmark.Ingest"
dotnet run -c Release --no-build --project bench/RoezanGhl.Benchmarks -- \
  --filter '*IngestBenchmark.Ingest' --exporters json --artifacts "$work/bdn" >"$work/bdn.log" 2>&1 || { cat "$work/bdn.log"; exit 1; }
grep -E '^\| *(Method|Ingest) ' "$work/bdn.log" || true
report=$(find "$work/bdn/results" -name '*IngestBenchmark-report-full*.json' | head -n 1)
if [[ -z "$report" ]]; then
  cat "$work/bdn.log"
  echo "BenchmarkDotNet wrote no JSON report" >&2
  exit 1
fi

echo "==> Azurite"
azurite_start "$work"

echo "==> load harness"
dotnet bench/RoezanGhl.LoadHarness/bin/Release/net10.0/RoezanGhl.LoadHarness.dll \
  --ingest-report "$report" --output "$results.json" --markdown "$results.md" "$@"
echo "wrote $results.json and $results.md"
