#!/usr/bin/env bash
# Fuzzes the Roezan webhook intake's pure path (signature → parse → validate → normalize → queue message)
# with AFL++ and SharpFuzz for the given number of seconds:   scripts/fuzz.sh 600
#
# Installs what is missing (Debian's afl++ with apt, the SharpFuzz.CommandLine dotnet tool), publishes
# tests/RoezanGhl.Fuzz and instruments RoezanGhl.Core.dll in that copy, then runs one nice'd afl-fuzz from
# the seed corpus (tests/RoezanGhl.Fuzz/corpus/seeds). AFL's output stays in tests/RoezanGhl.Fuzz/corpus/afl
# (gitignored): queue/ is the grown corpus, crashes/ and hangs/ the findings; the next run resumes from it.
# Replay a crash without AFL on the uninstrumented build (the instrumented core needs AFL's shared memory):
#   dotnet build tests/RoezanGhl.Fuzz -c Release && dotnet tests/RoezanGhl.Fuzz/bin/Release/net10.0/RoezanGhl.Fuzz.dll --replay <file|dir>
# Exits 1 when the run saved a crash.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-}
if [[ ! $seconds =~ ^[0-9]+$ || $seconds -lt 10 ]]; then
  echo "usage: scripts/fuzz.sh <seconds, at least 10>" >&2
  exit 2
fi

sharpfuzz_version=2.3.0 # SharpFuzz.CommandLine, the same version as the SharpFuzz package (Directory.Packages.props)
project=tests/RoezanGhl.Fuzz
corpus=$project/corpus
seeds=$corpus/seeds
findings=$corpus/afl
build=$corpus/build
tools=$corpus/tools

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

if ! command -v afl-fuzz >/dev/null; then
  echo "==> installing afl++ (apt)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq afl++ >/dev/null
fi

if [[ ! -x $tools/sharpfuzz ]]; then
  echo "==> installing SharpFuzz.CommandLine $sharpfuzz_version"
  dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$tools" >/dev/null
fi

# Instrumenting twice fails ("already instrumented"), so every run instruments a fresh publish.
echo "==> publishing and instrumenting RoezanGhl.Core"
rm -rf "$build"
nice -n 10 dotnet publish "$project/RoezanGhl.Fuzz.csproj" -c Release -o "$build" -nologo -v quiet -p:WarningsNotAsErrors=NU1603 >/dev/null
"$tools/sharpfuzz" "$build/RoezanGhl.Core.dll"

echo "==> afl-fuzz for $seconds s (findings in $findings)"
mkdir -p "$findings"
# AFL++ on .NET: skip the binary check (the target is dotnet, not an afl-gcc binary), no map-size or memory
# limit games (the CLR reserves a lot of virtual memory), no CPU pinning on a shared machine, resume a kept run.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_AUTORESUME=1 \
  AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
status=0
nice -n 19 afl-fuzz -i "$seeds" -o "$findings" -t 10000 -m none -V "$seconds" -x "$project/roezan.dict" \
  -- dotnet "$build/RoezanGhl.Fuzz.dll" >"$corpus/afl-fuzz.log" 2>&1 || status=$?

stats=$findings/default/fuzzer_stats
if [[ ! -f $stats ]]; then
  echo "afl-fuzz did not start (exit $status); its log:" >&2
  tail -n 40 "$corpus/afl-fuzz.log" >&2
  exit 1
fi

stat() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$stats"; }
crashes=$(stat saved_crashes)
crashes=${crashes:-$(stat unique_crashes)}
hangs=$(stat saved_hangs)
hangs=${hangs:-$(stat unique_hangs)}
echo
echo "executions: $(stat execs_done) ($(stat execs_per_sec)/s over $(stat run_time) s)"
echo "corpus:     $(stat corpus_count) inputs in $findings/default/queue"
echo "crashes:    ${crashes:-0}"
echo "hangs:      ${hangs:-0}"
if [[ ${crashes:-0} -gt 0 ]]; then
  echo "crash inputs (replay them as the header of this script says):"
  find "$findings/default/crashes" -type f ! -name README.txt -print
  exit 1
fi
