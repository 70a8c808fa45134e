#!/usr/bin/env bash
# GitHub discovery benchmark: an organisation of 2,000 repositories (10,000 entities,
# plus 320 people in 48 teams) on the stand-in GitHub, discovered by the real backend
# on PostgreSQL until every entity is processed and stitched. Measures the time, the
# GitHub requests made, and the backend's peak memory; then a second discovery run
# with nothing changed, counting requests until every repository was read again.
#
# Usage: bench/catalog-github/run.sh [repositories] [results.json]
#   (BENCH_PORT, default 7147, must be free; PostgreSQL on POSTGRES_HOST:POSTGRES_PORT)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../../scripts/lib/toolchain.sh"
ensure_toolchain
ensure_postgres
cd "$PORTAL_ROOT"
export POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}" POSTGRES_PORT="${POSTGRES_PORT:-5432}"
export REPOS="${1:-2000}" BENCH_DB_PREFIX="${BENCH_DB_PREFIX:-bench_github_}" PORTAL_ROOT
out="${2:-$here/results.json}"
BENCH_WORK="$(mktemp -d)"
export BENCH_WORK
drop_dbs() {
  for db in $(psql -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U postgres -Atc \
    "select datname from pg_database where datname like '${BENCH_DB_PREFIX}%'"); do
    psql -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U postgres -qc "drop database \"$db\"" >/dev/null
  done
}
trap 'drop_dbs; rm -rf "$BENCH_WORK"' EXIT
drop_dbs

log "github discovery bench: $REPOS repositories on the stand-in GitHub, backend on PostgreSQL"
node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
  "$here/measure.ts" >"$out.tmp" || { tail -40 "$BENCH_WORK/backend.log"; die "the benchmark failed"; }
mv "$out.tmp" "$out"
cat "$out"
