#!/usr/bin/env bash
# SPACE metrics benchmark on PostgreSQL: the real backend (packages/backend) with
# a synthetic organisation of 400 engineers in the catalog; one million analytics
# events and 100,000 deployments in its database; then
#   - ingest: analytics events POSTed to /api/space-metrics/events by concurrent
#     browsers-worth of clients for a fixed time (events/s sustained; target 1,000);
#   - the usage roll-up job over the million events;
#   - dashboard API latency for a year's view (/nps, /ttfd, /adoption, /usage,
#     organisation-wide and for a department; target p95 under 300 ms).
#
# Usage: bench/space-metrics/run.sh [results.json]
# Needs PostgreSQL on POSTGRES_HOST:POSTGRES_PORT (default 127.0.0.1:5432, user
# postgres) and port 7327 free. Creates and drops databases named space_bench_*.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../../scripts/lib/toolchain.sh"
ensure_toolchain
ensure_postgres
cd "$PORTAL_ROOT"
out="${1:-$here/results.json}"
work="$(mktemp -d)"
export BENCH_WORK="$work" BENCH_OUT="$out" BENCH_PORT="${BENCH_PORT:-7327}"
export POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}" POSTGRES_PORT="${POSTGRES_PORT:-5432}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}" POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-}"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  for db in $(psql -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U "$POSTGRES_USER" -Atc "select datname from pg_database where datname like 'space_bench_%'"); do
    psql -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U "$POSTGRES_USER" -qc "drop database \"$db\"" >/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT
cleanup_dbs_first() { pid=""; cleanup; mkdir -p "$work"; }
cleanup_dbs_first

node "$here/org.mjs" "$work/org.yaml"
cat >"$work/app-config.bench.yaml" <<YAML
app:
  baseUrl: http://localhost:${BENCH_PORT}
backend:
  baseUrl: http://localhost:${BENCH_PORT}
  listen:
    port: ${BENCH_PORT}
  cors:
    origin: http://localhost:${BENCH_PORT}
  database:
    client: pg
    connection:
      host: ${POSTGRES_HOST}
      port: ${POSTGRES_PORT}
      user: ${POSTGRES_USER}
      password: '${POSTGRES_PASSWORD}'
      directory: null
    prefix: space_bench_
techdocs:
  publisher:
    local:
      publishDirectory: ${work}/techdocs
catalog:
  locations:
    - type: file
      target: ${work}/org.yaml
      rules:
        - allow: [User, Group]
spaceMetrics:
  demoData:
    enabled: false
  # The collectors stay out of the way of the measurements.
  schedule:
    frequency: { hours: 24 }
    timeout: { minutes: 30 }
    initialDelay: { hours: 1 }
YAML

log "bench: starting the backend on PostgreSQL (:$BENCH_PORT)"
(cd packages/backend && exec node ../../.yarn/releases/yarn-*.cjs start \
  --config ../../app-config.yaml --config "$work/app-config.bench.yaml") >"$work/backend.log" 2>&1 &
pid=$!
wait_for_backend "$BENCH_PORT" "$pid" "$work/backend.log" 240
node --require "$PORTAL_ROOT/node_modules/@backstage/cli-node/config/nodeTransform.cjs" "$here/bench.ts"
