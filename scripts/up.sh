#!/usr/bin/env bash
# The whole system on this machine: installs, builds, starts PostgreSQL, Redis and the project's
# Kafka broker, provisions the database and topics, starts every app, loads the Ankang demo registry
# (institutions, API keys, bureau tokens, populations), starts the simulator's live feed, then prints
# where to look. Running it again while up does no harm.
#   bash scripts/up.sh        stop with: bash scripts/down.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"


declare -A PORTS=([ingest]=3001 [query]=3002 [aggregator]=3003 [alerting]=3004 [simulator]=3005)
# Each app is its own Kafka principal; the simulator produces as institutions do.
declare -A KAFKA_PRINCIPAL=([ingest]=ingest [query]=query [aggregator]=aggregator [alerting]=alerting [simulator]=integrator)
cd "$ROOT"
RUN="$LOCAL/run"
LOGS="$LOCAL/logs"
CREDENTIALS="$LOCAL/demo-credentials.json"
mkdir -p "$RUN" "$LOGS"

app_pid() {
  local pid_file="$RUN/$1.pid"
  [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null && cat "$pid_file"
}

healthy() { curl -fsS -m 2 "http://127.0.0.1:${PORTS[$1]}/health" >/dev/null 2>&1; }

# The app's Node flags, as in production (tools/lib/app-node-flags.ts).
node_flags() { node -p "require('$ROOT/dist/tools/lib/app-node-flags').APP_NODE_FLAGS['$1'].join(' ')"; }

start_app() {
  local app="$1"
  if app_pid "$app" >/dev/null; then say "$app already running (pid $(app_pid "$app"))"; return 0; fi
  say "starting $app on port ${PORTS[$app]} (log: .local/logs/$app.log)"
  # setsid: the app outlives this shell (setsid execs node, so $! is the app's pid); down.sh stops it.
  # The simulator feeds the demo live.
  # shellcheck disable=SC2046 # kafka_env gives several NAME=value words
  env PORT="${PORTS[$app]}" SIMULATOR_AUTOSTART=true SIMULATOR_CREDENTIALS_FILE="$CREDENTIALS" $(kafka_env "${KAFKA_PRINCIPAL[$app]}") \
    setsid node $(node_flags "$app") "$ROOT/dist/apps/$app/src/main.js" >> "$LOGS/$app.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$app.pid"
}

wait_healthy() {
  local deadline=$((SECONDS + 180)) app
  for app in "$@"; do
    until healthy "$app"; do
      if ! app_pid "$app" >/dev/null; then say "$app exited; last lines of .local/logs/$app.log:"; tail -n 20 "$LOGS/$app.log" >&2; return 1; fi
      if [ $SECONDS -ge $deadline ]; then say "$app not healthy after 3 minutes"; return 1; fi
      sleep 1
    done
  done
}

ensure_node_modules
# A broker formatted now holds an empty log, while the `health` database is the machine's and may keep
# the offsets another checkout's broker gave it: the aggregator refuses those (apps/aggregator/README.md,
# "Offsets that know their log"). Their events are in the ledger already; the demo re-seeds below.
broker_is_new=false
[ -f "${KAFKA_LOCAL_DIR:-$LOCAL/kafka}/data/meta.properties" ] || broker_is_new=true
ensure_infrastructure
if [ -z "$(ls -A "$RUN" 2>/dev/null)" ] || [ ! -d "$ROOT/dist" ]; then build; fi
# shellcheck disable=SC2046
(cd "$ROOT" && env $(kafka_env admin) KAFKA_PROVISION_ACLS=true node dist/tools/provision.js)
if $broker_is_new; then
  # The operator's command for a replaced log: exit 0 re-seeded, 1 nothing refused, 2 failed.
  reseed_exit=0
  # shellcheck disable=SC2046
  (cd "$ROOT" && env $(kafka_env admin) node dist/tools/rebuild.js --reseed-offsets > "$LOGS/reseed-offsets.log" 2>&1) || reseed_exit=$?
  case $reseed_exit in
    0) say "new Kafka broker beside a kept database: the aggregator starts the new log from its beginning (.local/logs/reseed-offsets.log)" ;;
    1) ;;
    *) say "stored offsets not checked; see .local/logs/reseed-offsets.log"; exit 1 ;;
  esac
fi
# The registry goes in through ingest's admin API first, so the other services load it at start.
start_app ingest
wait_healthy ingest
say "loading the Ankang demo registry, API keys, bureau tokens and populations (idempotent)"
(cd "$ROOT" && DEMO_CREDENTIALS_FILE="$CREDENTIALS" node dist/tools/cli.js seed-demo > "$LOGS/seed-demo.log")
SERVICES=(aggregator query alerting)
for app in "${SERVICES[@]}"; do start_app "$app"; done
wait_healthy "${SERVICES[@]}"
say "loading the source documents' targets for $(date +%Y) (三色预警)"
curl -fsS -X POST "http://127.0.0.1:${PORTS[alerting]}/v1/targets/demo" -H "Authorization: Bearer ${ADMIN_TOKEN:-dev-admin-token-change-me-000000}" \
  -H 'content-type: application/json' -d "{\"year\": $(date +%Y)}" > "$LOGS/targets.log"
start_app simulator
wait_healthy simulator
city_token="$(node -e 'console.log(require(process.argv[1]).bureaus["610900"])' "$CREDENTIALS")"

cat <<INFO

  Health indicators are up (stop with: bash scripts/down.sh)

  Dashboard (安康市卫健委)      http://127.0.0.1:3002/dashboard?token=${city_token}
  Ingest API (institutions)   http://127.0.0.1:3001/docs
  Query API (bureaus)         http://127.0.0.1:3002/docs
  Health                      http://127.0.0.1:300{1..5}/health
  Metrics (Prometheus)        http://127.0.0.1:300{1..5}/metrics
  Demo feed (simulator)       http://127.0.0.1:3005/v1/simulator/status
  Demo credentials            .local/demo-credentials.json (API keys per institution, bureau tokens)
  Kafka                       127.0.0.1:9092, SASL/SCRAM (deploy/local/kafka.sh status|credentials)
  Logs                        .local/logs/<app>.log, .local/kafka/broker.log

INFO
