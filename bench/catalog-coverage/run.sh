#!/usr/bin/env bash
# Coverage benchmark on PostgreSQL: a snapshot over 10,000 production
# repositories (an inventory file, plus 2,000 PagerDuty services known only by
# annotation) and 50,000 generated catalog entities; the same day's snapshot
# again; then GET /report, /trend?days=90 and /missing under 20 concurrent
# readers (median and p95). Targets: snapshot < 60 s, p95 < 200 ms.
#
# Usage: bench/catalog-coverage/run.sh [results.json]
# Needs PostgreSQL on POSTGRES_HOST:POSTGRES_PORT (default 127.0.0.1:5432, user
# postgres). Creates and drops one database named coverage_bench_*.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../../scripts/lib/toolchain.sh"
ensure_toolchain
ensure_postgres
cd "$PORTAL_ROOT"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export BENCH_WORK="$work" BENCH_OUT="${1:-$here/results.json}"
node --require "$PORTAL_ROOT/node_modules/@backstage/cli-node/config/nodeTransform.cjs" "$here/bench.ts"
