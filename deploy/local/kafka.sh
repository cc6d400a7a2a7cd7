#!/usr/bin/env bash
# A real Apache Kafka broker (KRaft, combined broker+controller, single node) for local runs and tests,
# brought from Maven Central jars. Idempotent: `start` on a running broker does nothing.
#   deploy/local/kafka.sh start|stop|status|logs|reset|credentials
# Everything it writes (jars, data, logs, credentials) lives under $KAFKA_LOCAL_DIR (default .local/kafka,
# git-ignored).
#
# Clients authenticate with SASL/SCRAM-SHA-512 and the StandardAuthorizer allows only what ACLs grant
# (tools/provision creates them, docs/reliability.md lists them). One principal per app plus `integrator`
# (institutions' producers) and the super user `admin` (provisioning, tools, tests). Their passwords are
# made at the first format and kept in $KAFKA_LOCAL_DIR/credentials.json (`kafka.sh credentials` prints them).
set -euo pipefail

repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
local_dir="${KAFKA_LOCAL_DIR:-$repo_dir/.local/kafka}"
libs_dir="$local_dir/libs"
data_dir="$local_dir/data"
pid_file="$local_dir/kafka.pid"
log_file="$local_dir/broker.log"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
heap="${KAFKA_HEAP:--Xms256m -Xmx512m}"
ready_timeout_s="${KAFKA_READY_TIMEOUT_S:-90}"
credentials_file="$local_dir/credentials.json"
# Who the broker knows: the apps, the institutions' producers, and the super user.
principals=(admin ingest aggregator query alerting integrator)

log() { echo "[kafka] $*" >&2; }

fetch_jars() {
  [ -f "$libs_dir/.complete" ] && return 0
  log "fetching Kafka jars from Maven Central into $libs_dir"
  mkdir -p "$libs_dir"
  mvn -q -B -f "$repo_dir/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$libs_dir" -DincludeScope=runtime
  touch "$libs_dir/.complete"
}

password_of() { node -e 'process.stdout.write(require(process.argv[1]).passwords[process.argv[2]])' "$credentials_file" "$1"; }

# Random passwords, made once with the storage they are formatted into (a reset makes new ones).
make_credentials() {
  [ -f "$credentials_file" ] && return 0
  mkdir -p "$local_dir"
  local json='{"mechanism":"scram-sha-512","passwords":{' sep='' name
  for name in "${principals[@]}"; do
    json+="$sep\"$name\":\"$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')\""; sep=','
  done
  (umask 077 && echo "$json}}" > "$credentials_file")
  log "credentials written to $credentials_file"
}

write_config() {
  mkdir -p "$data_dir"
  (umask 077 && cat > "$local_dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controller_port}
# Clients: SASL/SCRAM only. The controller listener (KRaft 3.9 cannot authenticate it with SCRAM)
# carries the broker's own requests as User:ANONYMOUS, a super user: it listens on 127.0.0.1 only,
# so only processes of this machine reach it.
listeners=SASL_PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller_port}
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(password_of admin)";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
log.dirs=${data_dir}
# Topics are created by the project with explicit partitions and configs, never by accident.
auto.create.topics.enable=false
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=12
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
num.network.threads=2
num.io.threads=4
PROPS
)
  cat > "$local_dir/log4j.properties" <<PROPS
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${log_file}
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.state.change.logger=WARN
PROPS
}

jvm_opts() {
  # shellcheck disable=SC2086 # $heap holds several JVM flags
  echo $heap -XX:+UseG1GC -Djava.awt.headless=true -Dlog4j.configuration="file:$local_dir/log4j.properties"
}

format_storage() {
  [ -f "$data_dir/meta.properties" ] && return 0
  local cluster_id
  # A Kafka cluster id is a base64url UUID without padding (22 characters).
  cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  log "formatting KRaft storage (cluster $cluster_id) with SCRAM users ${principals[*]}"
  local scram=() name
  for name in "${principals[@]}"; do scram+=(--add-scram "SCRAM-SHA-512=[name=$name,password=$(password_of "$name")]"); done
  # --cluster-id=…: one id in 64 begins with "-", which as a separate argument reads as an option.
  java $(jvm_opts) -cp "$libs_dir/*" kafka.tools.StorageTool format --cluster-id="$cluster_id" -c "$local_dir/server.properties" "${scram[@]}" >> "$log_file" 2>&1
}

running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid; pid="$(cat "$pid_file")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Ready means a metadata request succeeds, not merely that the port is open.
metadata_ok() { node "$repo_dir/deploy/local/kafka-metadata.js" "127.0.0.1:$port" "$credentials_file" >/dev/null 2>&1; }

wait_ready() {
  local deadline=$((SECONDS + ready_timeout_s))
  # The readiness probe is a kafkajs metadata request: without node_modules it could never succeed.
  if [ ! -d "$repo_dir/node_modules/kafkajs" ]; then log "node_modules/kafkajs is missing: run 'npm ci' first"; return 1; fi
  until metadata_ok; do
    if ! running_pid >/dev/null; then log "broker exited; last lines of $log_file:"; tail -n 30 "$log_file" >&2; return 1; fi
    if [ $SECONDS -ge $deadline ]; then log "not ready after ${ready_timeout_s}s; see $log_file"; return 1; fi
    sleep 1
  done
}

start() {
  if running_pid >/dev/null && metadata_ok; then log "already running on 127.0.0.1:$port"; return 0; fi
  if ! running_pid >/dev/null && metadata_ok; then log "a broker not started by this script answers on 127.0.0.1:$port; using it"; return 0; fi
  command -v java >/dev/null || { log "java not found (Java 17 is needed)"; exit 1; }
  if [ ! -f "$credentials_file" ] && { running_pid >/dev/null || [ -f "$data_dir/meta.properties" ]; }; then
    log "the broker in $local_dir was set up without SCRAM users (before authentication): run '$0 reset' then '$0 start'"; exit 1
  fi
  fetch_jars
  mkdir -p "$local_dir"
  if ! running_pid >/dev/null; then
    make_credentials
    write_config
    format_storage
    log "starting broker on 127.0.0.1:$port (controller $controller_port), logs in $log_file"
    # setsid: the broker outlives the shell that started it and ignores its signals.
    # shellcheck disable=SC2046
    setsid java $(jvm_opts) -cp "$libs_dir/*" kafka.Kafka "$local_dir/server.properties" \
      >> "$local_dir/stdout.log" 2>&1 < /dev/null &
    echo $! > "$pid_file"
  fi
  wait_ready
  log "ready on 127.0.0.1:$port"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then log "not running"; rm -f "$pid_file"; return 0; fi
  log "stopping broker (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then log "still alive after 30s; killing"; kill -9 "$pid"; fi
  rm -f "$pid_file"
}

status() {
  if running_pid >/dev/null && metadata_ok; then echo "kafka: running on 127.0.0.1:$port (pid $(cat "$pid_file"))"; return 0; fi
  if running_pid >/dev/null; then echo "kafka: process up, not answering metadata yet"; return 1; fi
  echo "kafka: stopped"; return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  logs) tail -n "${2:-100}" "$log_file" ;;
  # The SCRAM users live in the formatted storage: new storage, new passwords.
  reset) stop; rm -rf "$data_dir" "$credentials_file"; log "data and credentials removed" ;;
  credentials) cat "$credentials_file" ;;
  *) echo "usage: $0 start|stop|restart|status|logs [n]|reset|credentials" >&2; exit 2 ;;
esac
