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

token="e2e-$RANDOM$RANDOM$RANDOM"
# A service whose file a browser test breaks (a copy: the repository stays clean).
cp -r packages/app/e2e-tests/fixtures/changing-service "$work/"
mkdir -p "$work/sqlite" "$work/techdocs" "$work/githost"
locations="$(node -e '
  const yaml = require("yaml");
  const config = yaml.parse(require("fs").readFileSync("app-config.yaml", "utf8"));
  console.log(JSON.stringify([...config.catalog.locations, {
    type: "file",
    target: "../../packages/app/e2e-tests/fixtures/unsafe-docs/catalog-info.yaml",
  }, {
    type: "file",
    target: process.argv[1] + "/changing-service/catalog-info.yaml",
  }]));' "$work")"
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
  auth:
    # For this script only: to see when the demo organisation has loaded.
    externalAccess:
      - type: static
        options:
          token: ${token}
          subject: e2e-readiness
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
# The browser tests look at a portal that has loaded: the demo organisation in the
# catalog, its docs built and indexed. (Loading order on a fresh start is the
# portal's business, measured by the benchmarks, not something each test waits for.)
until curl -fs -H "Authorization: Bearer $token" \
  "http://localhost:$port/api/search/query?term=outbox&types%5B0%5D=techdocs" 2>/dev/null \
  | grep -q 'payment-processor/architecture'; do
  kill -0 "$pid" 2>/dev/null || { tail -40 "$work/backend.log"; die "the backend exited while loading"; }
  (( SECONDS - t0 < 240 )) || { tail -40 "$work/backend.log"; die "the demo docs were not indexed after 240s"; }
  sleep 2
done
log "e2e: ready after $((SECONDS - t0))s; running Playwright in $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
status=0
PLAYWRIGHT_URL="http://localhost:$port" E2E_WORK="$work" yarn playwright test "$@" 2>&1 \
  | tee "$work/playwright.log" || status=$?
if ((status != 0)); then
  log "e2e: backend log (last 40 lines):"
  tail -40 "$work/backend.log"
  # CI shows the end of the output: repeat which tests failed and why after the log.
  log "e2e: the failed tests, again (Playwright's summary):"
  sed -n '/^  [0-9]*) \[chromium\]/,$p' "$work/playwright.log" | tail -80
  exit 1
fi
