#!/usr/bin/env bash
# Browser tests: builds the app, starts the portal on its embedded defaults (SQLite in a
# fresh temporary folder, guest sign-in, demo organisation) with the backend serving the
# built app, and runs Playwright in the machine's Chromium against it.
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
ensure_node
cd "$PORTAL_ROOT"

port="${E2E_PORT:-7107}"
work="$(mktemp -d)"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

log "e2e: building the app"
yarn workspace app build >"$work/build.log" 2>&1 || { tail -50 "$work/build.log"; die "app build failed"; }

mkdir -p "$work/sqlite" "$work/techdocs" "$work/githost"
locations="$(node -e '
  const yaml = require("yaml");
  const config = yaml.parse(require("fs").readFileSync("app-config.yaml", "utf8"));
  console.log(JSON.stringify([...config.catalog.locations, {
    type: "file",
    target: "../../packages/app/e2e-tests/fixtures/unsafe-docs/catalog-info.yaml",
  }]));')"
cat >"$work/app-config.e2e.yaml" <<YAML
# Only for the browser tests: the backend serves the built app on one port, and keeps
# its SQLite files (and the local git host's repositories) in a fresh folder so every
# run starts from the demo organisation.
app:
  baseUrl: http://localhost:${port}
backend:
  baseUrl: http://localhost:${port}
  listen:
    port: ${port}
  cors:
    origin: http://localhost:${port}
  database:
    connection:
      directory: ${work}/sqlite
techdocs:
  publisher:
    local:
      publishDirectory: ${work}/techdocs
githost:
  directory: ${work}/githost
catalog:
  # The portal's own locations, plus a test-only entity whose docs try to run
  # script (see the fixture's comment). Config arrays replace rather than merge,
  # so the list is read from app-config.yaml instead of copied.
  locations: ${locations}
YAML

log "e2e: starting the portal on :$port"
(cd packages/backend && exec node ../../.yarn/releases/yarn-*.cjs start \
  --config ../../app-config.yaml --config "$work/app-config.e2e.yaml") >"$work/backend.log" 2>&1 &
pid=$!
t0=$SECONDS
wait_for_backend "$port" "$pid" "$work/backend.log" 180
log "e2e: ready after $((SECONDS - t0))s; running Playwright in $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
PLAYWRIGHT_URL="http://localhost:$port" yarn playwright test "$@" || {
  log "e2e: backend log (last 40 lines):"; tail -40 "$work/backend.log"; exit 1; }
