#!/usr/bin/env bash
# The long fault and attack suite (FAULTS_LONG=1: more fuzz runs, more events, more kills) after the
# same setup as scripts/test.sh. It restarts the machine's PostgreSQL and SIGKILLs apps: run it
# when no one else is testing on this machine (CI runs suites one after another).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ensure_node_modules
# A broker this run starts is stopped when it ends; one that was already running is left alone.
if ! "$ROOT/deploy/local/kafka.sh" status >/dev/null 2>&1; then trap '"$ROOT/deploy/local/kafka.sh" stop' EXIT; fi
ensure_infrastructure
ensure_zstd
build
say "fault and attack suite (long)"
# kafka-door.test.ts: the forged-institution, unsigned, tampered and revoked-key raw messages (dead letters).
cd "$ROOT" && FAULTS_LONG=1 npx jest test/faults test/disruptive test/ingest/kafka-door.test.ts --selectProjects integration --runInBand
