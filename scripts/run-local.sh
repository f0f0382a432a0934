#!/usr/bin/env bash
# Runs the app on this machine: Azurite (storage), the GHL simulator (unless local.settings.json points
# Ghl__BaseUrl at a real GHL), the Roezan simulator (unless local.settings.json holds a Roezan API key for
# the first account), then `func start` in src/RoezanGhl.Functions. Everything it starts is
# stopped when it exits (Ctrl+C included).
#
# Needs the .NET 10 SDK, Node.js 20+ and Azure Functions Core Tools v4 (`func`).
# Local settings live in ./local.settings.json (created from local.settings.sample.json when missing;
# never committed). The function project links that file into its build output, where `func` reads it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
simulator_url=http://127.0.0.1:5081
roezan_simulator_url=http://127.0.0.1:5082
func_env=()
pids=()

say() { printf '==> %s\n' "$*"; }
warn() { printf 'run-local: %s\n' "$*" >&2; }

cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() { # port pid seconds
  local port=$1 pid=$2 tries=$(( $3 * 5 ))
  for _ in $(seq 1 "$tries"); do
    if port_open "$port"; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.2
  done
  return 1
}

# --- tools -------------------------------------------------------------------------------------
missing=0
if ! command -v dotnet >/dev/null 2>&1; then
  warn "the .NET 10 SDK is missing: https://dotnet.microsoft.com/download/dotnet/10.0"
  missing=1
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  warn "Node.js 20+ (with npm) is missing: https://nodejs.org/"
  missing=1
fi
[[ $missing -eq 0 ]] || exit 1
mkdir -p .azurite # Azurite's data and the local logs (git-ignored)

if [[ ! -x node_modules/.bin/azurite ]]; then
  say "npm ci (Azurite)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- settings ----------------------------------------------------------------------------------
if [[ ! -f local.settings.json ]]; then
  cp local.settings.sample.json local.settings.json
  say "created local.settings.json from local.settings.sample.json (edit it for your accounts and secrets)"
fi
ghl_base_url=$(node -e 'const s=require(process.argv[1]);process.stdout.write((s.Values||{}).Ghl__BaseUrl||"")' "$root/local.settings.json")

# --- Azurite on the development-storage ports (UseDevelopmentStorage=true) ----------------------
if port_open 10000 && port_open 10001 && port_open 10002; then
  say "storage: something already listens on 127.0.0.1:10000-10002; using it as Azurite"
else
  for port in 10000 10001 10002; do
    if port_open "$port"; then
      warn "127.0.0.1:$port is taken by something else; stop it or free ports 10000-10002 for Azurite"
      exit 1
    fi
  done
  say "starting Azurite on 127.0.0.1:10000-10002 (data in .azurite/)"
  node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --location .azurite >.azurite/azurite.out 2>&1 &
  pids+=($!)
  if ! wait_for_port 10002 "${pids[-1]}" 30; then
    cat .azurite/azurite.out >&2 || true
    warn "Azurite did not start"
    exit 1
  fi
fi

# --- GHL: the simulator, unless a real GHL is configured ------------------------------------------
case "$ghl_base_url" in
  "" | http://127.0.0.1* | http://localhost*)
    if port_open 5081; then
      say "GHL simulator: something already listens on $simulator_url; using it"
    else
      say "starting the GHL simulator on $simulator_url (log: .azurite/ghl-simulator.log)"
      dotnet run --project tests/RoezanGhl.GhlSimulator -- --urls "$simulator_url" >.azurite/ghl-simulator.log 2>&1 &
      pids+=($!)
      if ! wait_for_port 5081 "${pids[-1]}" 120; then
        warn "the GHL simulator (tests/RoezanGhl.GhlSimulator) did not start; see .azurite/ghl-simulator.log."
        warn "The app runs on, but every GHL call will fail until Ghl__BaseUrl reaches a GHL."
      fi
    fi
    ;;
  *)
    say "GHL: using $ghl_base_url from local.settings.json (no simulator)"
    ;;
esac

# --- Roezan: the simulator, unless the first account has an API key ----------------------------------
# The first account of local.settings.json and its Roezan API key and webhook secret (empty when unset).
IFS=$'\t' read -r roezan_account roezan_key roezan_secret < <(node -e '
  const v=(require(process.argv[1]).Values)||{};
  const m=Object.keys(v).map(k=>/^Roezan__Accounts__([^_]+)__GhlLocationId$/.exec(k)).find(Boolean);
  const a=m?m[1]:"demo";
  process.stdout.write([a, v["Secrets__roezan-api-key-"+a]||"", v["Secrets__roezan-webhook-secret-"+a]||""].join("\t")+"\n");' "$root/local.settings.json")
if [[ -n "$roezan_key" ]]; then
  say "Roezan: account $roezan_account has an API key in local.settings.json (no simulator)"
elif port_open 5082; then
  say "Roezan simulator: something already listens on $roezan_simulator_url; using it"
else
  roezan_key=roezansim-local-key
  say "starting the Roezan simulator on $roezan_simulator_url for account $roezan_account (log: .azurite/roezan-simulator.log)"
  dotnet run --project tests/RoezanGhl.RoezanSimulator -- --port 5082 --account "$roezan_account" --api-key "$roezan_key" \
    --webhook-url "http://localhost:7071/api/roezan/$roezan_account/events" ${roezan_secret:+--webhook-secret "$roezan_secret"} \
    >.azurite/roezan-simulator.log 2>&1 &
  pids+=($!)
  if ! wait_for_port 5082 "${pids[-1]}" 120; then
    warn "the Roezan simulator (tests/RoezanGhl.RoezanSimulator) did not start; see .azurite/roezan-simulator.log."
  fi
  # func gives variables already set precedence over local.settings.json: the app talks to the simulator.
  func_env=("Roezan__Api__BaseUrl=$roezan_simulator_url/api" "Secrets__roezan-api-key-$roezan_account=$roezan_key")
fi

# --- the function app --------------------------------------------------------------------------
if ! command -v func >/dev/null 2>&1; then
  warn "Azure Functions Core Tools v4 ('func') is missing. Install one of:"
  warn "  npm i -g azure-functions-core-tools@4 --unsafe-perm true"
  warn "  Debian/Ubuntu: sudo apt-get install azure-functions-core-tools-4 (after adding the Microsoft package repository)"
  warn "  macOS: brew tap azure/functions && brew install azure-functions-core-tools@4"
  warn "  Windows: winget install Microsoft.Azure.FunctionsCoreTools"
  warn "  (https://learn.microsoft.com/azure/azure-functions/functions-run-local)"
  warn "then run ./scripts/run-local.sh again. Stopping what was started."
  exit 1
fi

# The project links ../../local.settings.json into its build output; a (git-ignored) link in the project
# folder as well lets func find the settings whichever of the two it reads.
settings_link=src/RoezanGhl.Functions/local.settings.json
if [[ ! -e "$settings_link" || -L "$settings_link" ]]; then
  ln -sfn ../../local.settings.json "$settings_link"
fi

say "func start (webhooks: POST http://localhost:7071/api/roezan/{accountId}/events and /api/ghl/webhooks, health: GET http://localhost:7071/api/health)"
cd src/RoezanGhl.Functions
env "${func_env[@]}" func start &
pids+=($!)
wait "${pids[-1]}"
