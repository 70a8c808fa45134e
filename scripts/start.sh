#!/usr/bin/env bash
# Starts the portal on its embedded defaults: frontend on :3000, backend on :7007,
# SQLite files under data/ (kept across restarts), guest sign-in, the demo organisation.
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
ensure_toolchain
mkdir -p "$PORTAL_ROOT/data/sqlite" "$PORTAL_ROOT/data/techdocs"
log "starting the portal: http://localhost:3000 (backend http://localhost:7007); Ctrl-C stops it"
cd "$PORTAL_ROOT"
exec node .yarn/releases/yarn-*.cjs start "$@"
