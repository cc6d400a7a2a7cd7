#!/usr/bin/env bash
# Runs inside the compose `kafka` container beside the broker: once the broker answers on its
# container-local listener, creates (or updates) the SCRAM users from the operator's .env. The
# healthcheck passes only when they all exist, so no app starts before its user does.
set -euo pipefail
local_listener=127.0.0.1:9094
until /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server "$local_listener" >/dev/null 2>&1; do sleep 2; done
for user in admin ingest aggregator query alerting integrator; do
  var="KAFKA_$(echo "$user" | tr a-z A-Z)_PASSWORD"
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$local_listener" --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[password=${!var}]" >/dev/null
done
echo "[kafka-users] SCRAM users present"
