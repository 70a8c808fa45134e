#!/usr/bin/env bash
# Starts the portal on its embedded defaults: frontend on :3000, backend on :7007,
# SQLite files under data/ (kept across restarts), guest sign-in, the demo organisation.
#
#   ./portal start                       the embedded default
#   ./portal start --postgres            the same on PostgreSQL (POSTGRES_* variables)
#   ./portal start --realworld           the same, plus the real-world catalog corpus
#   ./portal start --config FILE ...     any config files, in order (paths from here)
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"

args=()
# --postgres and --realworld layer on the embedded default: add it once, first.
base() { [[ " ${args[*]-} " == *" $PORTAL_ROOT/app-config.yaml "* ]] || args=(--config "$PORTAL_ROOT/app-config.yaml" "${args[@]}"); }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --postgres)
      base
      args+=(--config "$PORTAL_ROOT/app-config.postgres.yaml")
      ;;
    --realworld)
      base
      args+=(--config "$PORTAL_ROOT/app-config.realworld.yaml")
      ;;
    --config)
      # backstage-cli reads config paths relative to each package; make them absolute.
      [[ $# -ge 2 ]] || die "--config needs a file"
      args+=(--config "$(realpath "$2")")
      shift
      ;;
    *) args+=("$1") ;;
  esac
  shift
done

ensure_toolchain
ensure_mkdocs
mkdir -p "$PORTAL_ROOT/data/sqlite" "$PORTAL_ROOT/data/techdocs"
log "starting the portal: http://localhost:3000 (backend http://localhost:7007); Ctrl-C stops it"
cd "$PORTAL_ROOT"
exec node .yarn/releases/yarn-*.cjs start "${args[@]}"
