#!/usr/bin/env bash
# Proves the production image's steps without a container engine: the same steps the
# Dockerfile runs (build the backend bundle, unpack skeleton and bundle, install
# production dependencies only), then starts the result with app-config.production.yaml
# against the real PostgreSQL, waits for readiness and reads the demo entities from the
# catalog API.
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
ensure_node
cd "$PORTAL_ROOT"

port="${PROD_BOOT_PORT:-7117}"
export POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}" POSTGRES_PORT="${POSTGRES_PORT:-5432}"
# A prefix of its own per concurrent run (PROD_BOOT_DB_PREFIX) keeps two runs apart.
prefix="${PROD_BOOT_DB_PREFIX:-portal_boot_}"
work="$(mktemp -d)"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

log "prod-boot: building the backend bundle (and the app it serves)"
yarn build:backend >"$work/build.log" 2>&1 || { tail -50 "$work/build.log"; die "yarn build:backend failed"; }

log "prod-boot: unpacking skeleton and bundle into a clean folder, production dependencies only"
image="$work/app"
mkdir -p "$image"
cp -r .yarn .yarnrc.yml backstage.json yarn.lock package.json "$image/"
tar xzf packages/backend/dist/skeleton.tar.gz -C "$image"
# Same as the Dockerfile's `yarn workspaces focus --all --production`.
(cd "$image" && NODE_ENV=production yarn workspaces focus --all --production) >"$work/install.log" 2>&1 \
  || { tail -50 "$work/install.log"; die "production install failed"; }
tar xzf packages/backend/dist/bundle.tar.gz -C "$image"
cp -r app-config.yaml app-config.production.yaml catalog catalog-info.yaml templates "$image/"

# Fresh databases for this run: the backend creates one per plugin under the prefix.
for db in $(psql -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U postgres -Atc \
  "select datname from pg_database where datname like '${prefix}%'"); do
  psql -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U postgres -qc "drop database \"$db\"" >/dev/null
done

token="prod-boot-$RANDOM$RANDOM"
cat >"$image/app-config.boot-check.yaml" <<YAML
# Only for this check: a static token so the check can read the catalog API.
backend:
  listen:
    port: ${port}
  database:
    prefix: ${prefix}
  auth:
    externalAccess:
      - type: static
        options:
          token: ${token}
          subject: prod-boot-check
YAML

log "prod-boot: a missing required variable stops start-up with a message naming it"
set +e
out="$(cd "$image" && env -u POSTGRES_HOST NODE_ENV=production timeout 60 node packages/backend \
  --config app-config.yaml --config app-config.production.yaml 2>&1)"
rc=$?
set -e
[[ $rc -ne 0 ]] || die "the backend started without POSTGRES_HOST"
grep -q "POSTGRES_HOST (for backend.database.connection.host" <<<"$out" \
  || { echo "$out" | tail -20; die "the start-up error does not name POSTGRES_HOST"; }

log "prod-boot: starting the backend with app-config.production.yaml on :$port"
(
  cd "$image"
  export NODE_ENV=production POSTGRES_USER=postgres POSTGRES_PASSWORD=unused \
    GITHUB_TOKEN=unused AUTH_GITHUB_CLIENT_ID=unused AUTH_GITHUB_CLIENT_SECRET=unused \
    PORTAL_BASE_URL="http://localhost:$port" PORTAL_DATA_DIR="$work/data"
  exec node packages/backend --config app-config.yaml --config app-config.production.yaml \
    --config app-config.boot-check.yaml
) >"$work/backend.log" 2>&1 &
pid=$!

t0=$SECONDS
wait_for_backend "$port" "$pid" "$work/backend.log" 120
log "prod-boot: ready after $((SECONDS - t0))s"

# The demo organisation is processed asynchronously: wait until payment-processor is there.
entity=""
until [[ -n "$entity" ]]; do
  entity="$(curl -fs -H "Authorization: Bearer $token" \
    "http://localhost:$port/api/catalog/entities/by-name/component/default/payment-processor" || true)"
  if [[ -z "$entity" ]]; then
    (( SECONDS - t0 < 180 )) || { tail -60 "$work/backend.log"; die "payment-processor never appeared in the catalog"; }
    sleep 2
  fi
done
count="$(curl -fs -H "Authorization: Bearer $token" \
  "http://localhost:$port/api/catalog/entities/by-query?limit=1&filter=kind=component" | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).totalItems))')"
owner="$(node -e 'console.log(JSON.parse(process.argv[1]).spec.owner)' "$entity")"
[[ "$owner" == "team-payments" ]] || die "payment-processor's owner is '$owner', expected team-payments"
# The catalog refuses unauthenticated callers in production.
code="$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/api/catalog/entities?limit=1")"
[[ "$code" == 401 ]] || die "the catalog answered $code to an unauthenticated call, expected 401"
# The backend serves the built frontend.
curl -fs "http://localhost:$port/" | grep -q '<div id="root">' || die "the backend does not serve the app"
# TechDocs on PostgreSQL: docs are built ahead of time with the local MkDocs, then
# indexed by the PostgreSQL search engine; a word that appears only inside a doc page
# finds that page.
log "prod-boot: waiting for docs to be built and indexed (search on PostgreSQL)"
found=""
until [[ -n "$found" ]]; do
  found="$(curl -fs -H "Authorization: Bearer $token" \
    "http://localhost:$port/api/search/query?term=outbox&types%5B0%5D=techdocs" | node -e '
      let s = ""; process.stdin.on("data", d => (s += d)).on("end", () => {
        const hit = JSON.parse(s).results.find(r =>
          r.document.location.includes("/docs/default/component/payment-processor/architecture"));
        if (hit) console.log(hit.document.location);
      })' || true)"
  if [[ -z "$found" ]]; then
    (( SECONDS - t0 < 240 )) || { grep -iE "techdocs|search" "$work/backend.log" | tail -30; die "search never found the doc page"; }
    sleep 5
  fi
done
engine="$(grep -o 'PgSearchEngine\|Postgres search engine is not supported' "$work/backend.log" | head -1 || true)"
[[ "$engine" != "Postgres search engine is not supported" ]] || die "search is not on the PostgreSQL engine"

dbs="$(psql -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U postgres -Atc \
  "select count(*) from pg_database where datname like '${prefix}%'")"
(( dbs > 0 )) || die "no PostgreSQL database was created: is the backend really on PostgreSQL?"
log "prod-boot: passed: PostgreSQL ($dbs databases), $count components, payment-processor owned by $owner, unauthenticated call refused, app served, search found $found"
