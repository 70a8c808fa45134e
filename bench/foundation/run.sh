#!/usr/bin/env bash
# Foundation benchmark: this portal side by side with a stock `@backstage/create-app`
# portal of the same release (1.55, pinned to the same package versions).
#
# Measures, for each: cold setup (fresh clone, empty Yarn cache), warm setup (again,
# nothing changed), time from the start command to backend readiness and to the
# frontend answering, backend RSS after 60 s idle, and the gzip size of the
# JavaScript a browser downloads to show the catalog page (production build).
#
# Usage: bench/foundation/run.sh [results.json]   (needs ports 3000 and 7007 free)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
source "$repo/scripts/lib/toolchain.sh"
ensure_node
out="${1:-$here/results.json}"
work="$(mktemp -d)"
trap 'pkill -P $$ 2>/dev/null || true; rm -rf "$work"' EXIT

for port in 3000 7007; do
  if curl -s -o /dev/null "http://localhost:$port"; then die "port $port is busy: stop the running portal first"; fi
done

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# --- the two portals ----------------------------------------------------------
log "preparing: a clone of this repository and a stock create-app portal"
git clone -q "$repo" "$work/ours"
stock_version="$(node -p 'require(process.argv[1]).version' "$repo/node_modules/@backstage/create-app/package.json" 2>/dev/null || echo 0.9.2)"
npm install --prefix "$work/create-app" --no-save "@backstage/create-app@$stock_version" >/dev/null 2>&1
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec node %s "$@"\n' "$(ls "$repo"/.yarn/releases/yarn-*.cjs)" >"$work/bin/yarn"
chmod +x "$work/bin/yarn"
(cd "$work" && printf 'stock\n' | PATH="$work/bin:$PATH" node create-app/node_modules/@backstage/create-app/bin/backstage-create-app \
  --skip-install --path "$work/stock" >/dev/null 2>&1)
# Same release line as ours: without the pins, caret ranges resolve to a newer
# Backstage release and the stock backend does not start.
node -e '
  const fs = require("fs");
  const [ours, stock] = process.argv.slice(1);
  const p = JSON.parse(fs.readFileSync(stock));
  p.resolutions = { ...p.resolutions, ...require(ours).resolutions };
  fs.writeFileSync(stock, JSON.stringify(p, null, 2));
' "$repo/package.json" "$work/stock/package.json"

setup_ours() { (cd "$work/ours" && bash -c 'source scripts/lib/toolchain.sh && ensure_toolchain') ; }
setup_stock() { (cd "$work/stock" && yarn install) ; }
start_ours() { (cd "$work/ours" && exec ./portal start) ; }
start_stock() { (cd "$work/stock" && exec node .yarn/releases/yarn-*.cjs start) ; }

declare -A R
measure() {
  local name="$1" t0 pid rss_kb js
  export YARN_ENABLE_GLOBAL_CACHE=false YARN_CACHE_FOLDER="$work/cache-$name"
  log "$name: cold setup"
  t0="$(now)"; "setup_$name" >"$work/$name-setup-cold.log" 2>&1; R[$name.setup_cold_s]="$(elapsed "$t0")"
  log "$name: warm setup"
  t0="$(now)"; "setup_$name" >"$work/$name-setup-warm.log" 2>&1; R[$name.setup_warm_s]="$(elapsed "$t0")"
  log "$name: production build of the app (for the JavaScript size)"
  (cd "$work/$name" && yarn workspace app build) >"$work/$name-build.log" 2>&1

  log "$name: start to readiness"
  t0="$(now)"
  "start_$name" >"$work/$name-start.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null http://localhost:7007/.backstage/health/v1/readiness; do sleep 0.2; done
  R[$name.start_to_backend_ready_s]="$(elapsed "$t0")"
  until curl -fs -o /dev/null http://localhost:3000; do sleep 0.2; done
  R[$name.start_to_frontend_ready_s]="$(elapsed "$t0")"

  log "$name: 60 s idle, then backend RSS"
  sleep 60
  local bpid
  bpid="$(ss -ltnpH 'sport = :7007' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
  rss_kb="$(awk '/VmRSS/ { print $2 }' "/proc/$bpid/status")"
  R[$name.backend_rss_idle_mib]="$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')"

  log "$name: JavaScript for the catalog page"
  js="$(node "$here/catalog-page-js.mjs" http://localhost:7007 "$work/$name/packages/app/dist")"
  R[$name.catalog_page_js_gzip_kib]="$(node -p "Math.round(JSON.parse(process.argv[1]).gzipBytes / 1024)" "$js")"
  R[$name.catalog_page_js_files]="$(node -p "JSON.parse(process.argv[1]).files" "$js")"

  pkill -TERM -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  # backstage-cli starts the backend and the dev server as children; make sure both are gone.
  for port in 3000 7007; do
    p="$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
    [[ -n "$p" ]] && kill "$p" 2>/dev/null || true
  done
  sleep 3
  unset YARN_ENABLE_GLOBAL_CACHE YARN_CACHE_FOLDER
}

measure stock
measure ours

{
  echo '{'
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"machine\": \"$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB\","
  first=1
  for k in $(printf '%s\n' "${!R[@]}" | sort); do
    [[ $first == 1 ]] || echo ','
    printf '  "%s": %s' "$k" "${R[$k]}"
    first=0
  done
  echo
  echo '}'
} >"$out"
cat "$out"
