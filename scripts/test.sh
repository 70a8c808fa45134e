#!/usr/bin/env bash
# The whole test suite, the one CI runs: ./portal test [stage...]
# Stages, in order: format lint types unit prod-boot e2e. With no argument, all run.
# PostgreSQL test cases always run: the suite fails (never skips) when PostgreSQL is
# unreachable.
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"

all_stages=(format lint types unit prod-boot e2e)
stages=("$@")
[[ ${#stages[@]} -gt 0 ]] || stages=("${all_stages[@]}")

ensure_toolchain
cd "$PORTAL_ROOT"

# Test databases: SQLite always; PostgreSQL 15 on the machine's server.
export POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}" POSTGRES_PORT="${POSTGRES_PORT:-5432}"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@$POSTGRES_HOST:$POSTGRES_PORT}"
# No container engine here: TestDatabases must use the server above, not Docker.
export BACKSTAGE_TEST_DISABLE_DOCKER=1

stage_format() { yarn prettier --check . ; }
stage_lint() { yarn backstage-cli repo lint ; }
stage_types() { yarn tsc ; }
stage_unit() {
  # Jest gives each test a copy of process.env, so the TechDocs module cannot put its
  # techdocs-core plugin on PYTHONPATH for the mkdocs it spawns in tests; the backend
  # does that itself outside Jest.
  ensure_postgres && ensure_mkdocs && ensure_go \
    && PYTHONPATH="$PORTAL_ROOT/plugins/techdocs-backend-module-portal/mkdocs${PYTHONPATH:+:$PYTHONPATH}" \
      CI=true yarn backstage-cli repo test --ci --verbose
}
stage_prod-boot() { ensure_postgres && ensure_mkdocs && bash scripts/prod-boot.sh ; }
stage_e2e() { ensure_apt_packages chromium chromium && ensure_mkdocs && bash scripts/e2e.sh ; }

failed=()
for s in "${stages[@]}"; do
  declare -F "stage_$s" >/dev/null || die "unknown stage '$s'; stages: ${all_stages[*]}"
  log "stage $s"
  start=$SECONDS
  if "stage_$s"; then
    log "stage $s passed in $((SECONDS - start))s"
  else
    log "stage $s FAILED after $((SECONDS - start))s"
    failed+=("$s")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  die "failed stages: ${failed[*]}"
fi
log "all stages passed: ${stages[*]}"
