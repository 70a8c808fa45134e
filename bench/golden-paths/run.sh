#!/usr/bin/env bash
# Golden-path benchmark: time from pressing create to the new component appearing in
# the catalog, on the embedded default (SQLite, the local git host, guest-less static
# token for the API calls).
#
# Each run creates a Python worker through the Scaffolder's API (POST /v2/tasks, what
# the Create button sends) and polls the catalog every 100 ms until the component is
# there. Also recorded: when the task itself finished (repository made, location
# registered). Runs are sequential, as people press create one at a time.
#
# Usage: bench/golden-paths/run.sh [runs] [results.json]   (BENCH_PORT, default 7137, must be free)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../../scripts/lib/toolchain.sh"
ensure_toolchain
cd "$PORTAL_ROOT"
runs="${1:-10}"
out="${2:-$here/results.json}"
port="${BENCH_PORT:-7137}"
work="$(mktemp -d)"
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

token="bench-$RANDOM$RANDOM$RANDOM"
mkdir -p "$work/sqlite" "$work/techdocs" "$work/githost"
cat >"$work/app-config.bench.yaml" <<YAML
backend:
  baseUrl: http://localhost:${port}
  listen:
    port: ${port}
  database:
    connection:
      directory: ${work}/sqlite
  auth:
    externalAccess:
      - type: static
        options:
          token: ${token}
          subject: bench
techdocs:
  publisher:
    local:
      publishDirectory: ${work}/techdocs
  prebuild:
    enabled: false
githost:
  directory: ${work}/githost
YAML

log "golden-paths bench: starting the backend on :$port"
(cd packages/backend && exec node ../../.yarn/releases/yarn-*.cjs start \
  --config ../../app-config.yaml --config "$work/app-config.bench.yaml") >"$work/backend.log" 2>&1 &
pid=$!
wait_for_backend "$port" "$pid" "$work/backend.log"

log "golden-paths bench: $runs runs of the python-worker template"
BENCH_URL="http://localhost:$port" BENCH_TOKEN="$token" BENCH_RUNS="$runs" \
  node "$here/measure.mjs" >"$out"
cat "$out"
