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
gh_pid=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [[ -n "$gh_pid" ]] && kill "$gh_pid" 2>/dev/null && wait "$gh_pid" 2>/dev/null
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
cp -r app-config.yaml app-config.production.yaml templates "$image/"

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
# Sooner than production, so the check does not wait minutes: docs are prebuilt
# once discovery (20 s after start) has brought the entities in, then indexed.
techdocs:
  prebuild:
    schedule:
      initialDelay: { seconds: 45 }
      frequency: { minutes: 30 }
      timeout: { minutes: 10 }
search:
  collators:
    techdocs:
      schedule:
        initialDelay: { seconds: 60 }
        frequency: { seconds: 30 }
        timeout: { minutes: 5 }
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

# GitHub is out of reach here: the production backend discovers the demo
# organisation from the stand-in GitHub (packages/standins), which speaks GitHub's
# REST, GraphQL and OAuth on loopback.
gh_port="${PROD_BOOT_GITHUB_PORT:-$((port + 1))}"
log "prod-boot: starting the stand-in GitHub on :$gh_port (organisation acme-pay)"
node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
  packages/standins/src/cli.ts github --port "$gh_port" --repo-root . \
  --client-id boot-client --client-secret boot-secret </dev/null >"$work/github.log" 2>&1 &
gh_pid=$!
until grep -q '"url"' "$work/github.log" 2>/dev/null; do
  kill -0 "$gh_pid" 2>/dev/null || { cat "$work/github.log"; die "the stand-in GitHub did not start"; }
  sleep 0.5
done
hook_secret="boot-hook-$RANDOM$RANDOM"
export GITHUB_API_URL="http://127.0.0.1:$gh_port" GITHUB_TOKEN=standin-token GITHUB_ORG=acme-pay \
  GITHUB_WEBHOOK_SECRET="$hook_secret" GITHUB_OAUTH_URL="http://127.0.0.1:$gh_port" \
  AUTH_GITHUB_CLIENT_ID=boot-client AUTH_GITHUB_CLIENT_SECRET=boot-secret

log "prod-boot: a production config that enables guest sign-in refuses to start"
cat >"$image/app-config.guest.yaml" <<YAML
auth:
  providers:
    guest: {}
YAML
set +e
out="$(cd "$image" && NODE_ENV=production POSTGRES_USER=postgres POSTGRES_PASSWORD=unused \
  PORTAL_DATA_DIR="$work/data" timeout 120 node packages/backend --config app-config.yaml \
  --config app-config.production.yaml --config app-config.boot-check.yaml \
  --config app-config.guest.yaml 2>&1)"
rc=$?
set -e
[[ $rc -ne 0 ]] || die "the backend started with guest sign-in in production"
[[ $rc -ne 124 ]] || die "the backend did not exit after refusing guest sign-in (killed after 120 s)"
grep -q "Guest sign-in is enabled (auth.providers.guest) in a production configuration" <<<"$out" \
  || { echo "$out" | tail -20; die "the refusal does not say that guest sign-in is the problem"; }

log "prod-boot: starting the backend with app-config.production.yaml on :$port"
(
  cd "$image"
  export NODE_ENV=production POSTGRES_USER=postgres POSTGRES_PASSWORD=unused \
    PORTAL_BASE_URL="http://localhost:$port" PORTAL_DATA_DIR="$work/data"
  exec node packages/backend --config app-config.yaml --config app-config.production.yaml \
    --config app-config.boot-check.yaml
) >"$work/backend.log" 2>&1 &
pid=$!

t0=$SECONDS
wait_for_backend "$port" "$pid" "$work/backend.log" 120
log "prod-boot: ready after $((SECONDS - t0))s"

# Discovery runs 20 s after start; the demo organisation is then processed
# asynchronously: wait until payment-processor is there.
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
from="$(node -e 'console.log(JSON.parse(process.argv[1]).metadata.annotations["backstage.io/managed-by-location"])' "$entity")"
[[ "$from" == "url:https://github.com/acme-pay/payment-processor/tree/main/catalog-info.yaml" ]] \
  || die "payment-processor came from '$from', not from GitHub discovery"
# People come from the GitHub organisation's members.
users=""
until [[ "$users" == 60 ]]; do
  users="$(curl -fs -H "Authorization: Bearer $token" \
    "http://localhost:$port/api/catalog/entities/by-query?limit=1&filter=kind=user" | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).totalItems))')"
  [[ "$users" == 60 ]] && break
  (( SECONDS - t0 < 180 )) || die "the organisation's 60 people did not arrive (found $users)"
  sleep 2
done
# Push webhooks: a bad signature is refused, a good one is accepted.
body='{"ref":"refs/heads/main","repository":{"name":"payment-processor"}}'
code="$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$port/api/events/http/github" \
  -H 'content-type: application/json' -H 'x-github-event: push' \
  -H "x-hub-signature-256: sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac wrong-secret | cut -d' ' -f2)" \
  --data "$body")"
[[ "$code" == 403 ]] || die "a webhook with a bad signature got $code, expected 403"
code="$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$port/api/events/http/github" \
  -H 'content-type: application/json' -H 'x-github-event: push' \
  -H "x-hub-signature-256: sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$hook_secret" | cut -d' ' -f2)" \
  --data "$body")"
[[ "$code" == 202 ]] || die "a webhook with a good signature got $code, expected 202"
# Catalog coverage counts production services from the GitHub organisation
# (the coverage GitHub source module): take today's snapshot and read it back.
code="$(curl -s -o "$work/snapshot.json" -w '%{http_code}' -X POST \
  -H "Authorization: Bearer $token" "http://localhost:$port/api/coverage/snapshots")"
[[ "$code" == 200 || "$code" == 201 ]] || { cat "$work/snapshot.json"; die "taking a coverage snapshot got $code"; }
coverage="$(curl -fs -H "Authorization: Bearer $token" "http://localhost:$port/api/coverage/report" | node -e '
  let s = ""; process.stdin.on("data", d => (s += d)).on("end", () => {
    const r = JSON.parse(s);
    const github = r.sources.find(x => x.id === "github");
    if (!github || !github.ok || github.count === 0) {
      console.error("the GitHub source: " + JSON.stringify(github));
      process.exit(1);
    }
    const c = r.organisation.measures.coverage;
    console.log(c.numerator + " of " + c.denominator + " production services (" + github.count + " from GitHub)");
  })')" || die "catalog coverage did not count the GitHub organisation"
# The catalog refuses unauthenticated callers in production.
code="$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/api/catalog/entities?limit=1")"
[[ "$code" == 401 ]] || die "the catalog answered $code to an unauthenticated call, expected 401"
# The backend serves the built frontend.
code="$(curl -s -o "$work/index.html" -w '%{http_code}' "http://localhost:$port/")"
[[ "$code" == 200 ]] || { head -c 400 "$work/index.html"; die "the backend answered $code for the app, expected 200"; }
grep -q '<div id="root">' "$work/index.html" || die "the backend serves something else than the app"
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
log "prod-boot: passed: PostgreSQL ($dbs databases), guest refused in production, $count components and $users people discovered from the stand-in GitHub, payment-processor owned by $owner, webhook signatures checked, coverage $coverage, unauthenticated call refused, app served, search found $found"
