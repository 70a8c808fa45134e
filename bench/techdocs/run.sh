#!/usr/bin/env bash
# TechDocs benchmark: a generated doc site of 50 pages (every page with headings,
# a table, a code block and an admonition), built by the portal's real TechDocs
# path: the backend (SQLite, local builder, the portal's techdocs-core) serving an
# entity whose docs are that site.
#
# Measures: the first view (the TechDocs sync request that builds the site, as the
# reader makes it on first open), and a cached view (the page's HTML from the
# publisher once built), median of 20.
#
# Usage: bench/techdocs/run.sh [pages] [results.json]   (needs port 7127 free)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../../scripts/lib/toolchain.sh"
ensure_toolchain
ensure_mkdocs
cd "$PORTAL_ROOT"
pages="${1:-50}"
out="${2:-$here/results.json}"
port=7127
work="$(mktemp -d)"
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

# --- the site ----------------------------------------------------------------
repo="$work/repo"
mkdir -p "$repo/docs"
{
  echo "site_name: Bench docs"
  echo "nav:"
  for i in $(seq 1 "$pages"); do echo "  - Page $i: page-$i.md"; done
  echo "plugins:"
  echo "  - techdocs-core"
} >"$repo/mkdocs.yml"
for i in $(seq 1 "$pages"); do
  {
    echo "# Page $i"
    for s in 1 2 3 4; do
      echo
      echo "## Section $s"
      echo
      echo "Paragraph $s of page $i, with a [link](page-$(( i % pages + 1 )).md) and **emphasis**."
      echo
      echo '!!! note'
      echo "    An admonition in section $s."
      echo
      echo '| key | value |'
      echo '| --- | --- |'
      echo "| page | $i |"
      echo "| section | $s |"
      echo
      echo '```python'
      echo "def section_${s}():"
      echo "    return $i * $s"
      echo '```'
    done
  } >"$repo/docs/page-$i.md"
done
cp "$repo/docs/page-1.md" "$repo/docs/index.md"
cat >"$repo/catalog-info.yaml" <<YAML
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bench-docs
  annotations:
    backstage.io/techdocs-ref: dir:.
spec:
  type: service
  owner: team-platform
  lifecycle: experimental
YAML

token="bench-$RANDOM$RANDOM"
cat >"$work/app-config.bench.yaml" <<YAML
backend:
  baseUrl: http://localhost:${port}
  listen:
    port: ${port}
  database:
    connection:
      directory: ${work}/sqlite
  auth:
    externalAccess:
      - type: static
        options:
          token: ${token}
          subject: bench
techdocs:
  publisher:
    local:
      publishDirectory: ${work}/techdocs
  prebuild:
    enabled: false
catalog:
  locations:
    - type: file
      target: ${repo}/catalog-info.yaml
YAML

log "techdocs bench: starting the backend on :$port"
(cd packages/backend && exec node ../../.yarn/releases/yarn-*.cjs start \
  --config ../../app-config.yaml --config "$work/app-config.bench.yaml") >"$work/backend.log" 2>&1 &
pid=$!
wait_for_backend "$port" "$pid" "$work/backend.log"
auth=(-H "Authorization: Bearer $token")
until curl -fs "${auth[@]}" "http://localhost:$port/api/catalog/entities/by-name/component/default/bench-docs" >/dev/null; do sleep 1; done

log "techdocs bench: first view of a $pages-page site (build included)"
first="$(curl -s "${auth[@]}" -o "$work/sync.txt" -w '%{time_total}' \
  "http://localhost:$port/api/techdocs/sync/default/component/bench-docs")"
grep -q '"updated":true' "$work/sync.txt" || { cat "$work/sync.txt"; die "the first view did not build the docs"; }
built_pages="$(find "$work/techdocs/default/component/bench-docs" -name index.html | wc -l)"

log "techdocs bench: cached views"
for _ in $(seq 1 20); do
  curl -s "${auth[@]}" -o /dev/null -w '%{time_total}\n' \
    "http://localhost:$port/api/techdocs/static/docs/default/component/bench-docs/page-25/index.html"
done | sort -n >"$work/cached.txt"
cached_median="$(sed -n 10p "$work/cached.txt")"
resync="$(curl -s "${auth[@]}" -o "$work/sync2.txt" -w '%{time_total}' \
  "http://localhost:$port/api/techdocs/sync/default/component/bench-docs")"

cat >"$out" <<JSON
{
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "machine": "$(nproc) cores",
  "pages": $pages,
  "html_pages_built": $built_pages,
  "first_view_build_s": $first,
  "cached_page_median_s": $cached_median,
  "second_sync_s": $resync
}
JSON
cat "$out"
