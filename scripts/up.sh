#!/usr/bin/env bash
# The whole system on this machine: installs, builds, starts PostgreSQL, Redis and the project's
# Kafka broker, provisions the database and topics, loads the Ankang demo registry, starts every
# app and the demo event feed, then prints where to look. Running it again while up does no harm.
#   bash scripts/up.sh        stop with: bash scripts/down.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

APPS=(ingest aggregator query alerting simulator)
declare -A PORTS=([ingest]=3001 [query]=3002 [aggregator]=3003 [alerting]=3004 [simulator]=3005)
RUN="$LOCAL/run"
LOGS="$LOCAL/logs"
mkdir -p "$RUN" "$LOGS"

app_pid() {
  local pid_file="$RUN/$1.pid"
  [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null && cat "$pid_file"
}

healthy() { curl -fsS -m 2 "http://127.0.0.1:${PORTS[$1]}/health" >/dev/null 2>&1; }

start_app() {
  local app="$1"
  if app_pid "$app" >/dev/null; then say "$app already running (pid $(app_pid "$app"))"; return 0; fi
  say "starting $app on port ${PORTS[$app]} (log: .local/logs/$app.log)"
  # setsid: the app outlives this shell; down.sh stops it by pid.
  PORT="${PORTS[$app]}" setsid node "$ROOT/dist/apps/$app/src/main.js" >> "$LOGS/$app.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$app.pid"
}

wait_healthy() {
  local deadline=$((SECONDS + 180)) app
  for app in "${APPS[@]}"; do
    until healthy "$app"; do
      if ! app_pid "$app" >/dev/null; then say "$app exited; last lines of .local/logs/$app.log:"; tail -n 20 "$LOGS/$app.log" >&2; return 1; fi
      if [ $SECONDS -ge $deadline ]; then say "$app not healthy after 3 minutes"; return 1; fi
      sleep 1
    done
  done
}

ensure_node_modules
ensure_infrastructure
if [ -z "$(ls -A "$RUN" 2>/dev/null)" ] || [ ! -d "$ROOT/dist" ]; then build; fi
(cd "$ROOT" && node dist/tools/provision.js)
for app in "${APPS[@]}"; do start_app "$app"; done
wait_healthy

cat <<INFO

  Health indicators are up (stop with: bash scripts/down.sh)

  Ingest API (institutions)   http://127.0.0.1:3001/docs
  Query API (bureaus)         http://127.0.0.1:3002/docs
  Health                      http://127.0.0.1:300{1..5}/health
  Metrics (Prometheus)        http://127.0.0.1:300{1..5}/metrics
  Kafka                       127.0.0.1:9092 (deploy/local/kafka.sh status)
  Logs                        .local/logs/<app>.log, .local/kafka/broker.log

INFO
