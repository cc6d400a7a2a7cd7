#!/usr/bin/env bash
# Stops what scripts/up.sh started: every app, then the Kafka broker. Leaves PostgreSQL and Redis
# (machine services) running. No stray processes remain.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

RUN="$LOCAL/run"
for pid_file in "$RUN"/*.pid; do
  [ -e "$pid_file" ] || continue
  app="$(basename "$pid_file" .pid)"
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping $app (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$pid_file"
done
# Safety net: any app of this checkout still running (a lost pid file) is stopped too.
if pkill -f "$ROOT/dist/apps/" 2>/dev/null; then say "stopped apps without a pid file"; sleep 1; fi
"$ROOT/deploy/local/kafka.sh" stop
