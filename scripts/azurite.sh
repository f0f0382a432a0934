#!/usr/bin/env bash
# Sourced (not run) by scripts/test.sh and scripts/bench.sh, from the repository root:
#   azurite_install       installs the npm packages when Azurite is missing
#   azurite_start DIR     starts Azurite in memory on free 127.0.0.1 ports (from AZURITE_BLOB_PORT, default
#                         10000; AZURITE_QUEUE_PORT and AZURITE_TABLE_PORT follow unless set), logs to
#                         DIR/azurite.log, waits until it listens, exports ROEZANGHL_TEST_STORAGE
#   azurite_stop          stops it; call it from the caller's EXIT trap so it stops on failure too
# (Azurite 3.37 refuses --location together with --inMemoryPersistence, so none is given.)

azurite_pid=""

azurite_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

azurite_pick_port() {
  local p=$1
  while ! azurite_port_free "$p"; do p=$((p + 1)); done
  echo "$p"
}

azurite_install() {
  if [[ ! -x node_modules/.bin/azurite ]]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

azurite_start() {
  local log_dir=$1 blob_port queue_port table_port key
  blob_port=$(azurite_pick_port "${AZURITE_BLOB_PORT:-10000}")
  queue_port=$(azurite_pick_port "${AZURITE_QUEUE_PORT:-$((blob_port + 1))}")
  table_port=$(azurite_pick_port "${AZURITE_TABLE_PORT:-$((queue_port + 1))}")
  node_modules/.bin/azurite --silent --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --blobPort "$blob_port" \
    --queueHost 127.0.0.1 --queuePort "$queue_port" \
    --tableHost 127.0.0.1 --tablePort "$table_port" \
    >"$log_dir/azurite.log" 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 100); do
    if ! azurite_port_free "$blob_port" && ! azurite_port_free "$queue_port" && ! azurite_port_free "$table_port"; then break; fi
    if ! kill -0 "$azurite_pid" 2>/dev/null; then cat "$log_dir/azurite.log"; echo "Azurite did not start" >&2; exit 1; fi
    sleep 0.2
  done
  # Azurite's well-known, public development account key.
  export ROEZANGHL_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
  echo "    blob $blob_port, queue $queue_port, table $table_port (pid $azurite_pid)"
}

azurite_stop() {
  if [[ -n "$azurite_pid" ]] && kill -0 "$azurite_pid" 2>/dev/null; then
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
  fi
}
