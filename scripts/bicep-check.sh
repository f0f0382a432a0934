#!/usr/bin/env bash
# Builds and lints the Bicep templates under infra/ with the Bicep CLI pinned in
# Directory.Packages.props (NuGet package Azure.Bicep.CommandLine.linux-x64, restored through
# tests/RoezanGhl.Infra.Tests). Fails on any error or warning, from the compiler or the linter.
set -euo pipefail
cd "$(dirname "$0")/.."
project=tests/RoezanGhl.Infra.Tests/RoezanGhl.Infra.Tests.csproj
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet restore "$project" -nologo -v quiet >/dev/null
package=$(dotnet msbuild "$project" -nologo -getProperty:PkgAzure_Bicep_CommandLine_linux-x64)
bicep="$package/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  echo "bicep-check: the Bicep CLI is not at '$bicep' after restoring $project" >&2
  exit 1
fi
# NuGet extraction may drop the execute bit: run a private copy then.
if [[ ! -x "$bicep" ]]; then
  cp "$bicep" "$work/bicep"
  chmod +x "$work/bicep"
  bicep="$work/bicep"
fi
export BICEP_TELEMETRY_ENABLED=false
echo "    $("$bicep" --version)"

failed=0
# Runs one bicep command; any diagnostic line (Error/Warning/Info) or a non-zero exit fails the check.
check() {
  local log="$work/log"
  if ! "$bicep" "$@" >"$log" 2>&1; then
    failed=1
  fi
  if grep -Eq '\([0-9]+,[0-9]+\) *: *(Error|Warning|Info)' "$log"; then
    failed=1
  fi
  if [[ -s "$log" ]]; then
    sed 's/^/    /' "$log"
  fi
}

check build infra/main.bicep --outdir "$work"
while IFS= read -r file; do
  check lint "$file"
done < <(find infra -name '*.bicep' | sort)
# The parameters file reads azd's environment; give it placeholder values to compile.
AZURE_ENV_NAME=bicep-check AZURE_LOCATION=eastus check build-params infra/main.bicepparam --outfile "$work/main.parameters.json"
AZURE_ENV_NAME=bicep-check AZURE_LOCATION=eastus check lint infra/main.bicepparam

if [[ $failed -ne 0 ]]; then
  echo "bicep-check: FAILED (see the diagnostics above)" >&2
  exit 1
fi
echo "    infra/main.bicep, $(find infra -name '*.bicep' | wc -l) Bicep files and main.bicepparam: no errors, no warnings"
