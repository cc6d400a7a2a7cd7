# Shared by scripts/up.sh, scripts/test.sh and scripts/down.sh: installs what the project needs and
# starts the local infrastructure when it is not already answering. Source it; do not run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="$ROOT/.local"
mkdir -p "$LOCAL"

say() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0" .sh)" "$*" >&2; }

# npm ci when node_modules is missing or was installed from another package-lock.json.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.install-stamp" want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  say "installing npm packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}

build() {
  say "building (tsc)"
  (cd "$ROOT" && rm -rf dist && npm run --silent build)
}

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432; then return 0; fi
  say "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && return 0; sleep 0.5; done
  say "PostgreSQL did not come up"; return 1
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then return 0; fi
  say "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 40); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return 0; sleep 0.25; done
  say "Redis did not come up"; return 1
}

ensure_kafka() { "$ROOT/deploy/local/kafka.sh" start; }

# The KAFKA_SASL_* variables of one principal of the local broker (admin, ingest, aggregator, query,
# alerting, integrator), as NAME=value words for env(1); kafka.sh made them at its first start.
kafka_env() {
  node -e 'const c = require(process.argv[1]); console.log(`KAFKA_SASL_MECHANISM=${c.mechanism} KAFKA_SASL_USERNAME=${process.argv[2]} KAFKA_SASL_PASSWORD=${c.passwords[process.argv[2]]}`)' \
    "${KAFKA_LOCAL_DIR:-$LOCAL/kafka}/credentials.json" "$1"
}

# Debian's Chromium drives the dashboard's browser test (playwright-core uses it; no browser download),
# with a CJK font so the screenshots show Chinese labels, not boxes.
ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q . && return 0
  say "installing Debian's chromium and a CJK font for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
}

# Debian's zstd: the fault tests write zstd record batches with the reference implementation, as a
# foreign producer would (the project decodes zstd, never writes it).
ensure_zstd() {
  command -v zstd >/dev/null 2>&1 && return 0
  say "installing Debian's zstd for the codec fault tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zstd >/dev/null
}

# Prometheus' promtool (Debian's prometheus package): the tests check every app's /metrics and the
# shipped alert rules with it, as Prometheus itself would read them.
ensure_promtool() {
  command -v promtool >/dev/null 2>&1 && return 0
  say "installing Debian's prometheus for promtool"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
}

ensure_infrastructure() {
  ensure_postgres
  ensure_redis
  ensure_kafka
}
